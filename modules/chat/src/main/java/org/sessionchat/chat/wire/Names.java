package org.sessionchat.chat.wire;

/**
 * The rule for room names and nicknames: 1-64 characters of {@code [A-Za-z0-9_.-]}.
 *
 * <p>Why so narrow: names travel inside {@code :}-separated reply lines and protocol
 * payloads, so they must never contain the separator, spaces or control characters.
 */
public final class Names {

  /** The longest name, and the most of any client input echoed back in an error line. */
  public static final int MAX_LENGTH = 64;

  private Names() {
  }

  /** True if {@code name} follows the rule; checked per chat line, so by hand rather than by a pattern. */
  public static boolean isValid(String name) {
    int length = name.length();
    if (length < 1 || length > MAX_LENGTH) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      if (!isNameChar(name.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isNameChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-';
  }

  /** {@code text} cut to {@link #MAX_LENGTH} characters, for echoing client input in errors. */
  public static String truncate(String text) {
    if (text.length() <= MAX_LENGTH) {
      return text;
    }
    int end = MAX_LENGTH;
    if (Character.isHighSurrogate(text.charAt(end - 1))) {
      end--; // never split a surrogate pair
    }
    return text.substring(0, end);
  }
}
