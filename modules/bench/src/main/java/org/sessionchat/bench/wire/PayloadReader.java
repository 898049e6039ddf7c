package org.sessionchat.bench.wire;

import io.vertx.core.buffer.Buffer;

/**
 * Reads the three numbers of a received {@link Payload} in place. The generator's receive
 * path reads one per delivery, a hundred thousand and more a second: a reader per client,
 * reused line after line, costs the generator no object and no garbage per delivery, so its
 * own GC stays out of the figures it measures. Confined to one event loop.
 */
public final class PayloadReader {

  private static final char SEPARATOR = ',';

  private int cursor;
  private int sender;
  private long seq;
  private long sentNanos;

  /** Reads the payload that starts at {@code offset}; throws if the line holds none. */
  public void read(Buffer line, int offset) {
    cursor = offset;
    sender = (int) number(line);
    seq = number(line);
    sentNanos = number(line);
  }

  public int sender() {
    return sender;
  }

  public long seq() {
    return seq;
  }

  public long sentNanos() {
    return sentNanos;
  }

  private long number(Buffer line) {
    int from = cursor;
    int i = from;
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
        throw notPayload(line, from);
      }
      value = value * 10 + (b - '0');
      i++;
    }
    if (i == start || i == end) {
      throw notPayload(line, from);
    }
    cursor = i + 1;
    return negative ? -value : value;
  }

  private static IllegalArgumentException notPayload(Buffer line, int from) {
    return new IllegalArgumentException("not a bench payload: " + line.getString(from, Math.min(line.length(), from + 40)));
  }
}
