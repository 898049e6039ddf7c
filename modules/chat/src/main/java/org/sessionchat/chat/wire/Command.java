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

  /** {@code QUIT}. */
  record Quit() implements Command {
  }

  /** {@code HELP} ({@code command} null) or {@code HELP:<command>} (a known command word, upper case). */
  record Help(String command) implements Command {
  }

  /** Input that is not a valid command; {@code error} is the line to answer. */
  record Invalid(String error) implements Command {
  }
}
