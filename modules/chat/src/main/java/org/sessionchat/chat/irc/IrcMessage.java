package org.sessionchat.chat.irc;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One IRC message from a client: {@code [@tags] [:prefix] COMMAND [params] [:trailing]}.
 *
 * <p>Why so plain: a client's tags and prefix mean nothing to the server (it knows who the
 * client is), so they are skipped; the command is upper-cased and the parameters are
 * split as the modern client protocol describes (a trailing parameter may hold spaces and
 * may be empty).
 *
 * @param command the command in upper case, e.g. {@code PRIVMSG} (empty for a line of only a prefix)
 * @param params  the parameters, the trailing one last
 */
public record IrcMessage(String command, List<String> params) {

  public IrcMessage {
    params = List.copyOf(params);
  }

  public static IrcMessage parse(String line) {
    int at = 0;
    int length = line.length();
    if (at < length && line.charAt(at) == '@') {
      at = skipWord(line, at);
    }
    at = skipSpaces(line, at);
    if (at < length && line.charAt(at) == ':') {
      at = skipWord(line, at);
    }
    at = skipSpaces(line, at);
    int end = line.indexOf(' ', at);
    String command = line.substring(at, end < 0 ? length : end).toUpperCase(Locale.ROOT);
    List<String> params = new ArrayList<>();
    at = end < 0 ? length : end;
    while (true) {
      at = skipSpaces(line, at);
      if (at >= length) {
        break;
      }
      if (line.charAt(at) == ':') {
        params.add(line.substring(at + 1));
        break;
      }
      int next = line.indexOf(' ', at);
      params.add(line.substring(at, next < 0 ? length : next));
      at = next < 0 ? length : next;
    }
    return new IrcMessage(command, params);
  }

  /** Parameter {@code i}, or null if there are fewer. */
  public String param(int i) {
    return i < params.size() ? params.get(i) : null;
  }

  private static int skipWord(String line, int at) {
    int space = line.indexOf(' ', at);
    return space < 0 ? line.length() : space;
  }

  private static int skipSpaces(String line, int at) {
    while (at < line.length() && line.charAt(at) == ' ') {
      at++;
    }
    return at;
  }
}
