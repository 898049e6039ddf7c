package org.sessionchat.bench.wire;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import java.util.function.IntConsumer;

/**
 * Cuts what a socket reads into its {@code \n}-terminated lines, handing each line (without
 * the {@code \n}) to a handler as a slice of the chunk it came in, not a copy.
 *
 * <p>Why not Vert.x's {@code RecordParser}: it copies every record into a buffer of its own,
 * grown to size, and in scenario B that copy and its sizing were a tenth of the generator's
 * CPU (async-profiler: {@code AbstractByteBufAllocator.calculateNewCapacity} alone 6.7 %).
 * The generator's time to read a burst is part of every latency it measures, for every
 * server alike. Only a line cut across two reads is copied, into a buffer kept for it.
 *
 * <p>A line is only valid during the handler's call (it may share bytes with the next
 * chunk's partial line): read it, do not keep it. A line longer than {@code maxLine} bytes is
 * not delivered: {@code tooLong} gets its length so far, and the splitter drops it up to its
 * {@code \n}. On the socket's context only; not thread-safe.
 */
public final class LineSplitter implements Handler<Buffer> {

  private final int maxLine;
  private final Handler<Buffer> lines;
  private final IntConsumer tooLong;
  /** The start of a line whose end has not come yet; empty between lines. */
  private Buffer partial = Buffer.buffer();
  /** True from a too-long line's report to its end: its bytes are dropped. */
  private boolean skipping;

  public LineSplitter(int maxLine, Handler<Buffer> lines, IntConsumer tooLong) {
    this.maxLine = maxLine;
    this.lines = lines;
    this.tooLong = tooLong;
  }

  @Override
  public void handle(Buffer chunk) {
    int start = 0;
    for (int i = 0, end = chunk.length(); i < end; i++) {
      if (chunk.getByte(i) != '\n') {
        continue;
      }
      if (skipping) {
        skipping = false;
      } else if (partial.length() == 0) {
        line(chunk.slice(start, i));
      } else {
        partial.appendBuffer(chunk, start, i - start);
        Buffer whole = partial;
        partial = Buffer.buffer();
        line(whole);
      }
      start = i + 1;
    }
    int rest = chunk.length() - start;
    if (rest > 0 && !skipping) {
      if (partial.length() + rest > maxLine) {
        int length = partial.length() + rest;
        partial = Buffer.buffer();
        skipping = true;
        tooLong.accept(length);
      } else {
        partial.appendBuffer(chunk, start, rest);
      }
    }
  }

  private void line(Buffer line) {
    if (line.length() > maxLine) {
      tooLong.accept(line.length());
    } else {
      lines.handle(line);
    }
  }
}
