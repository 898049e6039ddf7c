package org.sessionchat.terminal;

/**
 * What the client knows of the person's standing on the node: nick, node, lobby or room,
 * and whether it is connected at all. Immutable; each server line gives the next state.
 *
 * <p>Why the client keeps it: it is shown in the prompt, it decides whether a plain line
 * is chat, and after a fail-over it is what the client asks the next node to restore.
 */
public record ChatState(Link link, String nick, String node, Place place) {

  /** Before the first connection. */
  public static final ChatState INITIAL = new ChatState(Link.CONNECTING, null, null, new Place.Lobby());

  /** Whether the client has a connection to a node. */
  public enum Link { CONNECTING, CONNECTED, RECONNECTING, CLOSED }

  /** In the lobby (the {@code ChatServer} session) or in a room (a {@code ChatSession}). */
  public sealed interface Place {
    /** Between rooms: LIST, CREATE and JOIN are allowed. */
    record Lobby() implements Place {
    }

    /** In {@code room}: plain lines are chat. */
    record InRoom(String room) implements Place {
    }
  }

  /** The room, or null in the lobby. */
  public String room() {
    return place instanceof Place.InRoom in ? in.room() : null;
  }

  public boolean inRoom() {
    return place instanceof Place.InRoom;
  }

  /** The state after {@code line} arrived. */
  public ChatState after(ServerLine line) {
    if (line instanceof ServerLine.Welcome welcome) {
      return new ChatState(Link.CONNECTED, welcome.nick(), welcome.node(), new Place.Lobby());
    } else if (line instanceof ServerLine.Ok ok) {
      return switch (ok.command()) {
        case "NICK" -> new ChatState(link, ok.argument(), node, place);
        case "JOIN" -> new ChatState(link, nick, node, new Place.InRoom(ok.argument()));
        case "LEAVE" -> new ChatState(link, nick, node, new Place.Lobby());
        default -> this;
      };
    } else if (line instanceof ServerLine.Offline) {
      return new ChatState(link, nick, node, new Place.Lobby());
    }
    return this;
  }

  /** The same person, with the connection now in {@code next}; off a node means out of its rooms. */
  public ChatState with(Link next) {
    return new ChatState(next, nick, next == Link.CONNECTED ? node : null,
        next == Link.CONNECTED ? place : new Place.Lobby());
  }

  /** The prompt: {@code ann@node1 deck> }, {@code ann@node1> } in the lobby, a note while not connected. */
  public String prompt() {
    String who = nick == null ? "" : nick;
    return switch (link) {
      case CONNECTED -> who + "@" + node + (inRoom() ? " " + room() : "") + "> ";
      case CONNECTING -> "(connecting) > ";
      case RECONNECTING -> "(reconnecting) " + who + "> ";
      case CLOSED -> "(closed) > ";
    };
  }
}
