package org.sessionchat.chat.wire;

/**
 * The one rule by which room names and IRC nicks compare: IRC's {@code ascii} case mapping
 * (what the IRC port announces as {@code CASEMAPPING=ascii}), where {@code A}-{@code Z} are
 * the same letters as {@code a}-{@code z} and nothing else changes.
 *
 * <p>Why not {@link String#toLowerCase} or {@link String#equalsIgnoreCase}: both fold far more
 * than ASCII letters (and the first depends on a locale), so a name could match a name the
 * clients think is different. Why not RFC 1459's mapping, where {@code []\~} are the upper
 * case of <code>{}|^</code>: the server announces {@code ascii}, and the clients compare by
 * what it announces.
 */
public final class AsciiCase {

  private AsciiCase() {
  }

  /** {@code name} with {@code A}-{@code Z} in lower case: the form names compare in. The same instance if it has none. */
  public static String fold(String name) {
    for (int i = 0; i < name.length(); i++) {
      if (isUpper(name.charAt(i))) {
        char[] folded = name.toCharArray();
        for (int j = i; j < folded.length; j++) {
          folded[j] = lower(folded[j]);
        }
        return new String(folded);
      }
    }
    return name;
  }

  /** True if {@code a} and {@code b} are the same name under this mapping. */
  public static boolean same(String a, String b) {
    if (a.length() != b.length()) {
      return false;
    }
    for (int i = 0; i < a.length(); i++) {
      if (lower(a.charAt(i)) != lower(b.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isUpper(char c) {
    return c >= 'A' && c <= 'Z';
  }

  private static char lower(char c) {
    return isUpper(c) ? (char) (c + ('a' - 'A')) : c;
  }
}
