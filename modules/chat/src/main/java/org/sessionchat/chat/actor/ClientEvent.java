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

  /** The client left {@code room} on its own request; {@code reason} (IRC's PART) may be null. */
  record Left(String room, String reason) implements ClientEvent {
    public Left(String room) {
      this(room, null);
    }
  }

  /** The user name of {@code nick!user@host} was set (IRC's USER). */
  record UserSet(String user) implements ClientEvent {
  }

  /**
   * Who is in a channel the client just entered (IRC): the topic (empty: none), who set it
   * ({@code nick!user@host}) and when (epoch seconds), the node hosting the room, and the
   * members as {@code nick!user@host node} entries, the client included.
   */
  record Present(String room, Topic topic, String hostNode, List<String> members) implements ClientEvent {
    public Present {
      members = List.copyOf(members);
    }
  }

  /**
   * The room of a channel the client is in was lost with its host node {@code lostNode} and
   * is now hosted on {@code hostNode}; the client is a member again. {@code members} as in
   * {@link Present}.
   */
  record Rehomed(String room, String lostNode, String hostNode, Topic topic, List<String> members)
      implements ClientEvent {
    public Rehomed {
      members = List.copyOf(members);
    }
  }

  /** A channel's topic: {@code text} (empty: none), set by {@code setBy} at {@code setAt} (epoch seconds). */
  record Topic(String text, String setBy, long setAt) {
  }

  /** Another member ({@code nick!user@host}, connected to {@code node}) joined {@code room}. */
  record MemberJoined(String room, String mask, String node) implements ClientEvent {
  }

  /** Another member left {@code room}. */
  record MemberParted(String room, String mask, String reason) implements ClientEvent {
  }

  /** Another member of {@code room} quit (or was lost with its node). */
  record MemberQuit(String room, String mask, String reason) implements ClientEvent {
  }

  /** A member of {@code room} is now called {@code nick}. */
  record MemberRenamed(String room, String mask, String nick) implements ClientEvent {
  }

  /** The topic of {@code room} changed (the client's own change included). */
  record TopicChanged(String room, Topic topic) implements ClientEvent {
  }

  /** A NOTICE to {@code room} from {@code mask}. */
  record Noticed(String room, String mask, String text) implements ClientEvent {
  }

  /** The members of {@code room} (entries as in {@link Present}), in answer to a NAMES. */
  record Members(String room, List<String> members) implements ClientEvent {
    public Members {
      members = List.copyOf(members);
    }
  }

  /** A private message (or notice) from {@code mask}. */
  record DirectMessage(String mask, String text, boolean notice) implements ClientEvent {
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

  /**
   * A room's chat line with its speaker as this client was shown them ({@code nick!user@host}
   * on IRC): what a front-end that names speakers its own way hands its socket. Every member
   * that knows the speaker by the same name gets the same bytes, so the socket's event loop
   * encodes the line once for all of them.
   */
  record ShownMessage(String speaker, Message message) implements ClientEvent {
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
    UNAVAILABLE,
    /** The nick is taken by another client somewhere in the cluster. */
    NICK_IN_USE,
    /** No client has that nick. */
    NO_SUCH_NICK,
    /** A channel command for a channel the client is not in. */
    NOT_ON_CHANNEL,
    /** A message to a channel the client is not in. */
    CANNOT_SEND
  }
}
