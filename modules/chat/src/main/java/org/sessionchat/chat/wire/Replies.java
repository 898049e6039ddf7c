package org.sessionchat.chat.wire;

import java.util.List;
import org.sessionchat.chat.actor.ClientEvent;
import org.sessionchat.session.ProtocolViolationException;

/**
 * Every line the server writes to a client, in one place.
 *
 * <p>Why one class of formatters: the wire protocol is a fixed contract
 * ({@code wire-protocol.md}); spelling each line once keeps the actors free of string
 * building and makes the protocol reviewable at a glance. Lines carry no terminator;
 * the connection adds {@code \n}.
 */
public final class Replies {

  public static final String BYE = "BYE";
  public static final String PONG = "PONG";
  public static final String NOT_IN_ROOM = "ERROR:NOT_IN_ROOM";
  public static final String LINE_TOO_LONG = "ERROR:LINE_TOO_LONG";
  public static final String BAD_ENCODING = "ERROR:BAD_ENCODING";
  /**
   * The last line to a client that stayed over the rate limit for the flood timeout (see
   * docs/chat.md); lines over the rate are otherwise only delayed, never answered with an error.
   */
  public static final String EXCESS_FLOOD = "ERROR:EXCESS_FLOOD";
  /** The node or the client's address has as many connections as allowed; the connection is closed. */
  public static final String TOO_MANY_CONNECTIONS = "ERROR:TOO_MANY_CONNECTIONS";
  /** No line within the idle timeout; the connection is closed. */
  public static final String IDLE_TIMEOUT = "ERROR:IDLE_TIMEOUT";

  private Replies() {
  }

  /** The lines that tell a line-protocol client {@code event}: one, but several for {@link ClientEvent.Help}. */
  public static List<String> lines(ClientEvent event) {
    return event instanceof ClientEvent.Help help ? CommandHelp.lines(help.command()) : List.of(line(event));
  }

  /** The line that tells a line-protocol client {@code event} (for {@link ClientEvent.Help}, its lines joined by {@code \n}). */
  public static String line(ClientEvent event) {
    if (event instanceof ClientEvent.Message message) {
      return message(message.room(), message.nickAndText());
    } else if (event instanceof ClientEvent.Welcome welcome) {
      return welcome(welcome.nick(), welcome.node());
    } else if (event instanceof ClientEvent.NickSet nick) {
      return ok("NICK", nick.nick());
    } else if (event instanceof ClientEvent.RoomCreated created) {
      return ok("CREATE", created.room());
    } else if (event instanceof ClientEvent.Joined joined) {
      return ok("JOIN", joined.room());
    } else if (event instanceof ClientEvent.Left left) {
      return ok("LEAVE", left.room());
    } else if (event instanceof ClientEvent.RoomList list) {
      return rooms(list.rooms());
    } else if (event instanceof ClientEvent.Pong pong) {
      return pong(pong.token());
    } else if (event instanceof ClientEvent.RoomOffline offline) {
      return offline(offline.room());
    } else if (event instanceof ClientEvent.Refused refused) {
      return refusal(refused.refusal(), refused.argument());
    } else if (event instanceof ClientEvent.Violation violation) {
      return protocolViolation(violation.violation());
    } else if (event instanceof ClientEvent.Invalid invalid) {
      return invalid.error();
    } else if (event instanceof ClientEvent.Help help) {
      return help(help.command());
    }
    throw new IllegalArgumentException("no line for " + event);
  }

  private static String refusal(ClientEvent.Refusal refusal, String argument) {
    return switch (refusal) {
      case ROOM_EXISTS -> roomExists(argument);
      case ROOM_NOT_FOUND -> roomNotFound(argument);
      case TOO_MANY_ROOMS -> tooManyRooms(argument);
      case ROOM_FULL -> roomFull(argument);
      case IN_ROOM -> inRoom(argument);
      case NOT_IN_ROOM -> NOT_IN_ROOM;
      case UNAVAILABLE -> unavailable(argument);
      case NICK_IN_USE, NO_SUCH_NICK, NOT_ON_CHANNEL, CANNOT_SEND ->
          throw new IllegalArgumentException("not a line-protocol refusal: " + refusal);
    };
  }

  public static String welcome(String nick, String node) {
    return "WELCOME:" + nick + ":" + node;
  }

  public static String ok(String command, String argument) {
    return "OK:" + command + ":" + argument;
  }

  /** {@code ROOMS:a:b} for the rooms in the given order, {@code ROOMS} when there are none. */
  public static String rooms(List<String> sortedRooms) {
    StringBuilder line = new StringBuilder("ROOMS");
    for (String room : sortedRooms) {
      line.append(':').append(room);
    }
    return line.toString();
  }

  public static String pong(String token) {
    return token == null ? PONG : PONG + ":" + token;
  }

  public static String message(String room, String nickAndText) {
    return "MSG:" + room + ":" + nickAndText;
  }

  public static String offline(String room) {
    return "OFFLINE:" + room;
  }

  public static String roomExists(String room) {
    return "ERROR:ROOM_EXISTS:" + room;
  }

  public static String roomNotFound(String room) {
    return "ERROR:ROOM_NOT_FOUND:" + room;
  }

  /** {@code ERROR:TOO_MANY_ROOMS:<room>}: the node hosts as many rooms as allowed. */
  public static String tooManyRooms(String room) {
    return "ERROR:TOO_MANY_ROOMS:" + room;
  }

  /** {@code ERROR:ROOM_FULL:<room>}: the room has as many members as allowed. */
  public static String roomFull(String room) {
    return "ERROR:ROOM_FULL:" + room;
  }

  public static String inRoom(String room) {
    return "ERROR:IN_ROOM:" + room;
  }

  public static String unknownCommand(String command) {
    return "ERROR:UNKNOWN_COMMAND:" + Names.truncate(command);
  }

  /**
   * {@code ERROR:UNKNOWN_COMMAND:<command>:did you mean <meant>?}: a known command word
   * followed by a space ({@code JOIN deck}); {@code meant} is the line it should have been.
   * Clients that read only the code and the command see what they always saw before the hint.
   */
  public static String unknownCommand(String command, String meant) {
    return unknownCommand(command) + ":did you mean " + Names.truncate(meant) + "?";
  }

  public static String badArgument(String command) {
    return "ERROR:BAD_ARGUMENT:" + command;
  }

  /** What {@code ERROR:BAD_NAME} says after the name: the rule a name must follow. */
  public static final String NAME_RULE = "a name is 1-" + Names.MAX_LENGTH + " characters of A-Z a-z 0-9 _ . -";

  /** {@code ERROR:BAD_NAME:<name given, truncated>:<the rule>}. */
  public static String badName(String given) {
    return "ERROR:BAD_NAME:" + Names.truncate(given) + ":" + NAME_RULE;
  }

  /**
   * The answer to {@code HELP} (one {@code HELP:<command>:<argument>:<what>} line per
   * command, then {@code OK:HELP}) or to {@code HELP:<command>} (its line, then
   * {@code OK:HELP:<command>}), as one block: the lines joined by {@code \n}.
   */
  public static String help(String command) {
    return String.join("\n", CommandHelp.lines(command));
  }

  /** {@code ERROR:PROTOCOL_VIOLATION:<label> in <protocol>/<role> state <state>}. */
  public static String protocolViolation(ProtocolViolationException violation) {
    return "ERROR:PROTOCOL_VIOLATION:" + violation.label() + " in " + violation.protocol() + "/"
        + violation.role() + " state " + violation.state();
  }

  /**
   * {@code ERROR:UNAVAILABLE:<command>}: the node could not serve the command (its room
   * registry failed, or it is shutting down). Not in wire-protocol.md; see docs/chat.md.
   */
  public static String unavailable(String command) {
    return "ERROR:UNAVAILABLE:" + command;
  }
}
