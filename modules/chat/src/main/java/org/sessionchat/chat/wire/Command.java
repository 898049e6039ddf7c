package org.sessionchat.chat.wire;

/**
 * One client command of the wire protocol, parsed and validated.
 *
 * <p>Why a sealed hierarchy of records: the set of commands is closed and written down
 * here, and a command that reaches the client actor already has well-formed arguments. {@link Invalid} carries the error line for input
 * that did not parse, so the parser never throws.
 */
public sealed interface Command {

  /** {@code NICK:<name>}. */
  record Nick(String name) implements Command {
  }

  /** {@code LIST}. */
  record ListRooms() implements Command {
  }

  /** {@code CREATE:<room>}. */
  record Create(String room) implements Command {
  }

  /** {@code JOIN:<room>}. */
  record Join(String room) implements Command {
  }

  /** {@code CHAT:<text>}. */
  record Chat(String text) implements Command {
  }

  /** {@code LEAVE}. */
  record Leave() implements Command {
  }

  /** {@code PING} (token null) or {@code PING:<token>}. */
  record Ping(String token) implements Command {
  }

  /** {@code QUIT}; {@code reason} (IRC) is shown to the other members, null for none. */
  record Quit(String reason) implements Command {
    public Quit() {
      this(null);
    }
  }

  /** IRC {@code PRIVMSG} / {@code NOTICE} to a channel the client is in. */
  record Say(String room, String text, boolean notice) implements Command {
  }

  /** IRC {@code PART}: leave {@code room}; {@code reason} may be null. */
  record Part(String room, String reason) implements Command {
  }

  /** IRC {@code TOPIC} with a text: set the topic of {@code room}. */
  record SetTopic(String room, String topic) implements Command {
  }

  /** IRC {@code NAMES} of a channel the client is in. */
  record Names(String room) implements Command {
  }

  /** IRC {@code PRIVMSG} / {@code NOTICE} to a nick, on any node. */
  record Whisper(String nick, String text, boolean notice) implements Command {
  }

  /** IRC {@code USER}: the user name shown in the client's {@code nick!user@host}. */
  record User(String user, String realName) implements Command {
  }

  /**
   * A step the transport takes itself (an IRC reply that needs no session), run in
   * command order so that its answer is not overtaken by or overtakes another reply.
   */
  record Local(Runnable action) implements Command {
  }

  /**
   * A command the transport decides on only when its turn comes (IRC: whether the client
   * has registered yet depends on the replies to the commands before it).
   */
  record Deferred(java.util.function.Supplier<Command> command) implements Command {
  }

  /** Several commands from one line (IRC's {@code JOIN #a,#b}), run one after the other. */
  record Sequence(java.util.List<Command> commands) implements Command {
    public Sequence {
      commands = java.util.List.copyOf(commands);
    }
  }

  /** {@code HELP} ({@code command} null) or {@code HELP:<command>} (a known command word, upper case). */
  record Help(String command) implements Command {
  }

  /** Input that is not a valid command; {@code error} is the line to answer. */
  record Invalid(String error) implements Command {
  }
}
