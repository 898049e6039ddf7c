package org.sessionchat.chat.wire;

import java.util.regex.Pattern;

/**
 * The rule for room names and nicknames: 1-64 characters of {@code [A-Za-z0-9_.-]}.
 *
 * <p>Why so narrow: names travel inside {@code :}-separated reply lines and protocol
 * payloads, so they must never contain the separator, spaces or control characters.
 */
public final class Names {

  /** The longest name, and the most of any client input echoed back in an error line. */
  public static final int MAX_LENGTH = 64;

  private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_.-]{1," + MAX_LENGTH + "}");

  private Names() {
  }

  public static boolean isValid(String name) {
    return VALID.matcher(name).matches();
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
