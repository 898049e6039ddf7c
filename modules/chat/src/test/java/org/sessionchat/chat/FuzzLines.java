package org.sessionchat.chat;

import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * Hostile input for {@link HostileClientsFuzzTest}: valid commands with random arguments,
 * mutations of them (flipped and inserted bytes, NULs, truncation, bad UTF-8, CR), random
 * binary, overlong lines and, rarely, a line that never ends. Each call returns bytes to
 * write, usually ending in a newline.
 */
final class FuzzLines {

  private static final String[] COMMANDS = {"NICK", "LIST", "CREATE", "JOIN", "CHAT", "LEAVE", "PING", "QUIT",
      "nick", "Join", "HELLO", ""};
  private static final String[] NAMES = {"fz", "fz-2", "control", "a.b_c", "x", "ümlaut", "white space", ":", ""};

  private FuzzLines() {
  }

  static byte[] next(Random random, int unendedBound) {
    int kind = random.nextInt(100);
    if (kind < 40) {
      return line(command(random));
    } else if (kind < 75) {
      return mutate(random, line(command(random)));
    } else if (kind < 92) {
      return randomBytes(random, random.nextInt(300));
    } else if (kind < 99) {
      return line("CHAT:" + "w".repeat(4096 + random.nextInt(4096)));
    }
    return randomNoNewline(random, unendedBound + 1);
  }

  private static String command(Random random) {
    String word = COMMANDS[random.nextInt(COMMANDS.length)];
    return switch (random.nextInt(4)) {
      case 0 -> word;
      case 1 -> word + ":" + NAMES[random.nextInt(NAMES.length)];
      case 2 -> word + ":" + NAMES[random.nextInt(NAMES.length)] + ":" + random.nextInt();
      default -> word + ":" + "n".repeat(random.nextInt(100));
    };
  }

  private static byte[] line(String text) {
    return (text + "\n").getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] mutate(Random random, byte[] line) {
    byte[] out = line.clone();
    int edits = 1 + random.nextInt(3);
    for (int i = 0; i < edits && out.length > 1; i++) {
      int at = random.nextInt(out.length - 1); // keep the final newline
      switch (random.nextInt(5)) {
        case 0 -> out[at] = (byte) random.nextInt(256);
        case 1 -> out[at] = 0;
        case 2 -> out[at] = (byte) (0x80 | random.nextInt(0x40)); // a stray continuation byte
        case 3 -> out[at] = '\r';
        default -> out = java.util.Arrays.copyOfRange(out, 0, at + 1);
      }
    }
    if (out[out.length - 1] != '\n') {
      out = java.util.Arrays.copyOf(out, out.length + 1);
      out[out.length - 1] = '\n';
    }
    return out;
  }

  private static byte[] randomBytes(Random random, int length) {
    byte[] out = new byte[length + 1];
    random.nextBytes(out);
    out[length] = '\n';
    return out;
  }

  private static byte[] randomNoNewline(Random random, int length) {
    byte[] out = new byte[length];
    for (int i = 0; i < length; i++) {
      byte b = (byte) random.nextInt(256);
      out[i] = b == '\n' ? 0 : b;
    }
    return out;
  }
}
