package org.sessionchat.terminal;

import java.util.Arrays;
import java.util.List;

/**
 * One line a node sent, read the way the wire protocol defines it.
 *
 * <p>Why parse at all (and not print lines as they come): the client keeps track of the
 * person's nick and room from these replies, to show them in the prompt and to restore
 * them on another node after a fail-over; and a person reads {@code [deck] <bob> hi}
 * more easily than {@code MSG:deck:bob:hi}. A line the client does not know stays
 * {@link Other} and is shown as it came.
 */
public sealed interface ServerLine {

  /** The line exactly as received. */
  String raw();

  /** {@code WELCOME:<nick>:<node>}. */
  record Welcome(String raw, String nick, String node) implements ServerLine {
  }

  /** {@code OK:<command>:<argument>} (the argument may be empty, e.g. {@code OK:HELP}). */
  record Ok(String raw, String command, String argument) implements ServerLine {
  }

  /** {@code ROOMS} or {@code ROOMS:a:b}. */
  record Rooms(String raw, List<String> rooms) implements ServerLine {
  }

  /** {@code MSG:<room>:<nick>:<text>}. */
  record Message(String raw, String room, String nick, String text) implements ServerLine {
  }

  /** {@code OFFLINE:<room>}: the room went away; the client is back in the lobby. */
  record Offline(String raw, String room) implements ServerLine {
  }

  /** {@code ERROR:<code>} or {@code ERROR:<code>:<detail>}. */
  record Error(String raw, String code, String detail) implements ServerLine {
  }

  /** {@code BYE}: the node closes the connection next. */
  record Bye(String raw) implements ServerLine {
  }

  /** {@code PONG} or {@code PONG:<token>} (token null for the former). */
  record Pong(String raw, String token) implements ServerLine {
  }

  /** Anything else (e.g. the lines of a {@code HELP} answer). */
  record Other(String raw) implements ServerLine {
  }

  static ServerLine parse(String line) {
    String[] f = line.split(":", -1);
    return switch (f[0]) {
      case "WELCOME" -> f.length >= 3 ? new Welcome(line, f[1], rest(f, 2)) : new Other(line);
      case "OK" -> f.length >= 2 ? new Ok(line, f[1], f.length > 2 ? rest(f, 2) : "") : new Other(line);
      case "ROOMS" -> new Rooms(line, f.length == 1 ? List.of() : List.of(Arrays.copyOfRange(f, 1, f.length)));
      case "MSG" -> f.length >= 4 ? new Message(line, f[1], f[2], rest(f, 3)) : new Other(line);
      case "OFFLINE" -> f.length == 2 ? new Offline(line, f[1]) : new Other(line);
      case "ERROR" -> f.length >= 2 ? new Error(line, f[1], f.length > 2 ? rest(f, 2) : "") : new Other(line);
      case "BYE" -> f.length == 1 ? new Bye(line) : new Other(line);
      case "PONG" -> new Pong(line, f.length == 1 ? null : rest(f, 1));
      default -> new Other(line);
    };
  }

  private static String rest(String[] fields, int from) {
    return String.join(":", Arrays.copyOfRange(fields, from, fields.length));
  }
}
