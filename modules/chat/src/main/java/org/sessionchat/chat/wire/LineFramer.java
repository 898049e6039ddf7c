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

  /** Feeds the next chunk of the stream. */
  public void feed(Buffer chunk) {
    int length = chunk.length();
    for (int i = 0; i < length; i++) {
      byte b = chunk.getByte(i);
      if (b == '\n') {
        endOfLine();
      } else if (discarding) {
        discarded++;
      } else if (pendingLength == capacityLimit()) {
        discarding = true;
        discarded = pendingLength + 1L;
        pendingLength = 0;
      } else {
        if (pendingLength == pending.length) {
          pending = Arrays.copyOf(pending, (int) Math.min(2L * pending.length, capacityLimit()));
        }
        pending[pendingLength++] = b;
      }
    }
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
    if (length > 0 && pending[length - 1] == '\r') {
      length--;
    }
    pendingLength = 0;
    if (length > maxLength) {
      output.accept(TOO_LONG);
    } else {
      byte[] line = new byte[length];
      System.arraycopy(pending, 0, line, 0, length);
      output.accept(new Frame.Line(line));
    }
  }
}
