package org.sessionchat.bench.wire;

import static org.sessionchat.bench.wire.Lines.ascii;
import static org.sessionchat.bench.wire.Lines.startsWith;

import io.vertx.core.buffer.Buffer;
import java.util.List;

/**
 * Just enough IRC (RFC 2812) for a chat benchmark: register, JOIN a channel (which creates
 * it), PRIVMSG to it, answer PING. A client counts as joined at the end of the NAMES list
 * (366), which the server sends once the JOIN is complete.
 */
public final class IrcDialect implements Dialect {

  private static final byte[] PING = ascii("PING");
  private static final byte[] PRIVMSG = ascii("PRIVMSG ");
  private static final byte[] WELCOME = ascii("001 ");
  private static final byte[] END_OF_NAMES = ascii("366 ");
  private static final byte[] ERROR = ascii("ERROR");
  private static final byte[] TRAILING = ascii(" :");

  @Override
  public List<String> login(String nick) {
    return List.of("NICK " + nick, "USER " + nick + " 0 * :bench");
  }

  @Override
  public String create(String room) {
    return null;
  }

  @Override
  public String join(String room) {
    return "JOIN #" + room;
  }

  @Override
  public String say(String room, String text) {
    return "PRIVMSG #" + room + " :" + text;
  }

  @Override
  public void read(Buffer line, ServerEvents events) {
    int command = 0;
    if (line.length() > 0 && line.getByte(0) == ':') {
      command = Lines.indexOf(line, (byte) ' ', 0) + 1;
      if (command == 0) {
        return;
      }
    }
    if (startsWith(line, command, PRIVMSG)) {
      int trailing = indexOf(line, TRAILING, command);
      if (trailing < 0) {
        events.error(Lines.text(line));
      } else {
        events.message(line, trailing + TRAILING.length);
      }
    } else if (startsWith(line, command, PING)) {
      events.reply("PONG" + line.getString(command + PING.length, line.length()));
    } else if (startsWith(line, command, WELCOME)) {
      events.registered();
    } else if (startsWith(line, command, END_OF_NAMES)) {
      events.joined();
    } else if (startsWith(line, command, ERROR) || isErrorNumeric(line, command)) {
      events.error(Lines.text(line));
    }
  }

  /** Numeric replies 400-599 are errors (RFC 2812 section 5.2). */
  private static boolean isErrorNumeric(Buffer line, int at) {
    if (line.length() < at + 4 || line.getByte(at + 3) != ' ') {
      return false;
    }
    byte first = line.getByte(at);
    return (first == '4' || first == '5')
        && Character.isDigit(line.getByte(at + 1)) && Character.isDigit(line.getByte(at + 2));
  }

  private static int indexOf(Buffer line, byte[] needle, int from) {
    for (int i = from, last = line.length() - needle.length; i <= last; i++) {
      if (startsWith(line, i, needle)) {
        return i;
      }
    }
    return -1;
  }
}
