package org.sessionchat.bench.wire;

import io.vertx.core.buffer.Buffer;
import java.util.List;

/**
 * The line protocol a benchmark client speaks: what to send to log in, create, join and
 * chat, and how to read what the server says. One implementation per server kind, so the
 * same scenario runs unchanged against session-chat and an IRC server.
 */
public interface Dialect {

  /** Lines sent as soon as the TCP connection is open. */
  List<String> login(String nick);

  /** The line that creates {@code room}, or {@code null} when joining creates it. */
  String create(String room);

  /** The line that joins {@code room}. */
  String join(String room);

  /** The line that says {@code text} to everyone else in {@code room}. */
  String say(String room, String text);

  /** Reads one received line (without its terminator) and tells {@code events} what it was. */
  void read(Buffer line, ServerEvents events);

  /** The dialect for a {@code --protocol} name. */
  static Dialect named(String name) {
    return switch (name) {
      case "chat" -> new ChatDialect();
      case "irc" -> new IrcDialect();
      default -> throw new IllegalArgumentException("unknown protocol '" + name + "' (chat, irc)");
    };
  }
}
