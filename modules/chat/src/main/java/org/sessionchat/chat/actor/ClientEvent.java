package org.sessionchat.chat.actor;

import java.util.List;
import org.sessionchat.session.ProtocolViolationException;

/**
 * Everything a {@link ClientActor} tells its client, as values; the {@link ClientTransport}
 * turns each into its own wire format (the line protocol, IRC, a test's list).
 *
 * <p>Why typed events and not reply lines: the actor's job is the sessions, not the
 * spelling of any one wire protocol. One actor thereby serves every front-end, and a
 * test can check what the actor decided without parsing text.
 */
public sealed interface ClientEvent {

  /** The connection is served: the client's first name and the node's name. */
  record Welcome(String nick, String node) implements ClientEvent {
  }

  /** The client's nickname is now {@code nick}. */
  record NickSet(String nick) implements ClientEvent {
  }

  /** {@code createRoom} succeeded: the room exists (the client did not join it). */
  record RoomCreated(String room) implements ClientEvent {
  }

  /** The client is a member of {@code room} now (its {@code ChatSession} is established). */
  record Joined(String room) implements ClientEvent {
  }

  /** The client left {@code room} on its own request. */
  record Left(String room) implements ClientEvent {
  }

  /** The rooms of the cluster, sorted by name. */
  record RoomList(List<String> rooms) implements ClientEvent {
    public RoomList {
      rooms = List.copyOf(rooms);
    }
  }

  /** The answer to a ping; {@code token} may be null. */
  record Pong(String token) implements ClientEvent {
  }

  /**
   * A chat line another member said in {@code room}, as the room relayed it:
   * {@code <nick>:<text>} (see docs/chat.md).
   */
  record Message(String room, String nickAndText) implements ClientEvent {

    /** The speaker's nick: what comes before the first {@code :} (empty if there is none). */
    public String nick() {
      int colon = nickAndText.indexOf(':');
      return colon < 0 ? "" : nickAndText.substring(0, colon);
    }

    /** What was said: what comes after the first {@code :}. */
    public String text() {
      return nickAndText.substring(nickAndText.indexOf(':') + 1);
    }
  }

  /** The room's session ended without the client asking (its host stopped or died). */
  record RoomOffline(String room) implements ClientEvent {
  }

  /** A command was refused; {@code argument} is the room, or the command for {@link Refusal#UNAVAILABLE}. */
  record Refused(Refusal refusal, String argument) implements ClientEvent {
  }

  /** The session monitor refused a message this actor tried to send (a bug, never on purpose). */
  record Violation(ProtocolViolationException violation) implements ClientEvent {
  }

  /** The answer to a request for help: every command ({@code command} null) or one. */
  record Help(String command) implements ClientEvent {
  }

  /** Input the transport itself rejected; {@code error} is already in its wire format. */
  record Invalid(String error) implements ClientEvent {
  }

  /** Why a command was refused. */
  enum Refusal {
    /** CREATE of a name that is taken. */
    ROOM_EXISTS,
    /** JOIN of a room that does not exist (or died meanwhile). */
    ROOM_NOT_FOUND,
    /** The node hosts as many rooms as it may. */
    TOO_MANY_ROOMS,
    /** The room has as many members as it may. */
    ROOM_FULL,
    /** A lobby command while in a room (one room at a time). */
    IN_ROOM,
    /** A room command while in no room. */
    NOT_IN_ROOM,
    /** The node could not serve the command (registry failure, shutting down). */
    UNAVAILABLE
  }
}
