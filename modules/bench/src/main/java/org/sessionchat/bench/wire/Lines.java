package org.sessionchat.bench.wire;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;

/** Byte-level look-ups in a received line, so classifying a line needs no String. */
final class Lines {

  private Lines() {
  }

  static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  static boolean startsWith(Buffer line, int from, byte[] prefix) {
    if (line.length() - from < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (line.getByte(from + i) != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  /** Index of {@code b} at or after {@code from}, or -1. */
  static int indexOf(Buffer line, byte b, int from) {
    for (int i = from, end = line.length(); i < end; i++) {
      if (line.getByte(i) == b) {
        return i;
      }
    }
    return -1;
  }

  /** Index just after the {@code n}-th occurrence of {@code b}, or -1. */
  static int after(Buffer line, byte b, int n) {
    int at = -1;
    for (int i = 0; i < n; i++) {
      at = indexOf(line, b, at + 1);
      if (at < 0) {
        return -1;
      }
    }
    return at + 1;
  }

  static String text(Buffer line) {
    return line.toString(StandardCharsets.UTF_8);
  }
}
