package org.sessionchat.bench.wire;

import io.vertx.core.buffer.Buffer;

/**
 * The text a benchmark client sends as one chat message: who sent it, its place in that
 * sender's sequence and when it left, so that any receiver can measure latency and spot
 * loss, duplication and reordering without asking anybody.
 *
 * <p>Encoded as {@code <sender>,<seq>,<sentNanos>,} followed by {@code x} padding up to the
 * requested size. It contains no {@code :} and no spaces, so it survives both the chat wire
 * protocol and IRC's trailing parameter unchanged. {@code sentNanos} is {@link System#nanoTime()},
 * which on Linux is one monotonic clock shared by every process of the machine.
 */
public record Payload(int sender, long seq, long sentNanos) {

  private static final char SEPARATOR = ',';
  private static final char PADDING = 'x';

  /** The encoded text, padded with {@code x} to {@code size} characters when it is shorter. */
  public String encode(int size) {
    StringBuilder text = new StringBuilder(Math.max(size, 40))
        .append(sender).append(SEPARATOR)
        .append(seq).append(SEPARATOR)
        .append(sentNanos).append(SEPARATOR);
    while (text.length() < size) {
      text.append(PADDING);
    }
    return text.toString();
  }

  /** Decodes a payload that starts at {@code offset} of a received line. */
  public static Payload decode(Buffer line, int offset) {
    PayloadReader reader = new PayloadReader();
    reader.read(line, offset);
    return new Payload(reader.sender(), reader.seq(), reader.sentNanos());
  }

  /** Decodes a payload given as text (tests, tools). */
  public static Payload decode(String text) {
    return decode(Buffer.buffer(text), 0);
  }
}
