package org.sessionchat.chat.wire;

import io.vertx.core.buffer.Buffer;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Cuts a byte stream into lines, like Netty's {@code LineBasedFrameDecoder} with a maximum
 * length: the first stage of a connection's pipeline.
 *
 * <p>Why bytes and not text: the length limit is in bytes and the UTF-8 check comes after
 * framing, so a line with bad bytes never hides the newline that ends it. A line longer
 * than the maximum is discarded up to its newline and reported once as
 * {@link Frame.TooLong}; while discarding nothing is buffered, so a line that never ends
 * costs at most {@code maxLength + 1} bytes. {@code \n} ends a line, a {@code \r} just
 * before it is dropped.
 *
 * <p>Not thread-safe: one framer per connection, fed from the connection's context.
 */
public final class LineFramer {

  /** What the framer found in the stream. */
  public sealed interface Frame {
    /** A complete line, without its terminator. */
    record Line(byte[] bytes) implements Frame {
    }

    /** A line over the maximum length was discarded. */
    record TooLong() implements Frame {
    }
  }

  private static final Frame TOO_LONG = new Frame.TooLong();

  /** Most lines are short: start small, grow up to the maximum only for a connection that needs it. */
  private static final int INITIAL_CAPACITY = 128;

  private final int maxLength;
  private final Consumer<Frame> output;
  private byte[] pending;
  private int pendingLength;
  private boolean discarding;
  private long discarded;

  /**
   * @param maxLength the longest line accepted, in bytes, terminator excluded
   * @param output    receives each frame, in stream order
   */
  public LineFramer(int maxLength, Consumer<Frame> output) {
    if (maxLength < 1) {
      throw new IllegalArgumentException("maxLength must be positive: " + maxLength);
    }
    this.maxLength = maxLength;
    this.output = output;
    this.pending = new byte[Math.min(INITIAL_CAPACITY, capacityLimit())];
  }

  /**
   * Feeds the next chunk of the stream.
   *
   * <p>The chunk is copied out once and searched as an array: a line that lies whole in one
   * chunk (most do) is copied a second time, into its own array, and never byte by byte.
   */
  public void feed(Buffer chunk) {
    byte[] bytes = chunk.getBytes();
    int start = 0;
    int length = bytes.length;
    while (start < length) {
      int newline = indexOfNewline(bytes, start, length);
      if (newline < 0) {
        hold(bytes, start, length);
        return;
      }
      if (pendingLength == 0 && !discarding) {
        emit(bytes, start, newline);
      } else {
        hold(bytes, start, newline);
        endOfLine();
      }
      start = newline + 1;
    }
  }

  private static int indexOfNewline(byte[] bytes, int from, int to) {
    for (int i = from; i < to; i++) {
      if (bytes[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  /**
   * Keeps {@code bytes[from, to)} for the line not yet ended, or counts them as discarded once
   * it is longer than the framer holds.
   */
  private void hold(byte[] bytes, int from, int to) {
    int count = to - from;
    if (discarding) {
      discarded += count;
      return;
    }
    if (count > capacityLimit() - pendingLength) {
      discarding = true;
      discarded = (long) pendingLength + count;
      pendingLength = 0;
      return;
    }
    if (pendingLength + count > pending.length) {
      pending = Arrays.copyOf(pending, (int) Math.min(Math.max(2L * pending.length, pendingLength + count), capacityLimit()));
    }
    System.arraycopy(bytes, from, pending, pendingLength, count);
    pendingLength += count;
  }

  /** One spare byte: a line of exactly maxLength may still be followed by its '\r'. */
  private int capacityLimit() {
    return maxLength + 1;
  }

  /** Bytes held for the line not yet ended (for tests and metrics). */
  public int buffered() {
    return pendingLength;
  }

  /**
   * Bytes received of the line not yet ended, including those discarded because it is too
   * long: lets the connection give up on a line that never ends.
   */
  public long unendedLength() {
    return discarding ? discarded : pendingLength;
  }

  private void endOfLine() {
    if (discarding) {
      discarding = false;
      output.accept(TOO_LONG);
      return;
    }
    int length = pendingLength;
    pendingLength = 0;
    emit(pending, 0, length);
  }

  /** Hands on {@code bytes[from, to)}, a whole line without its {@code \n}, or its being too long. */
  private void emit(byte[] bytes, int from, int to) {
    int end = to > from && bytes[to - 1] == '\r' ? to - 1 : to;
    if (end - from > maxLength) {
      output.accept(TOO_LONG);
    } else {
      output.accept(new Frame.Line(Arrays.copyOfRange(bytes, from, end)));
    }
  }
}
