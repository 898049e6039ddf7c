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
    int[] cursor = {offset};
    long sender = readNumber(line, cursor);
    long seq = readNumber(line, cursor);
    long sentNanos = readNumber(line, cursor);
    return new Payload((int) sender, seq, sentNanos);
  }

  /** Decodes a payload given as text (tests, tools). */
  public static Payload decode(String text) {
    return decode(Buffer.buffer(text), 0);
  }

  private static long readNumber(Buffer line, int[] cursor) {
    int i = cursor[0];
    int end = line.length();
    boolean negative = i < end && line.getByte(i) == '-';
    if (negative) {
      i++;
    }
    int start = i;
    long value = 0;
    while (i < end) {
      byte b = line.getByte(i);
      if (b == SEPARATOR) {
        break;
      }
      if (b < '0' || b > '9') {
        throw new IllegalArgumentException("not a bench payload: " + excerpt(line, cursor[0]));
      }
      value = value * 10 + (b - '0');
      i++;
    }
    if (i == start || i == end) {
      throw new IllegalArgumentException("not a bench payload: " + excerpt(line, cursor[0]));
    }
    cursor[0] = i + 1;
    return negative ? -value : value;
  }

  private static String excerpt(Buffer line, int from) {
    return line.getString(from, Math.min(line.length(), from + 40));
  }
}
