package org.sessionchat.bench.wire;

import io.vertx.core.buffer.Buffer;

/**
 * What a {@link Dialect} found in a line from the server. A callback rather than a parsed
 * object so that the hot path (a chat message) allocates nothing but the payload record.
 */
public interface ServerEvents {

  /** The server accepted the client's nickname: it may create or join rooms now. */
  void registered();

  /** The room was created (or existed already): joining it will succeed. */
  void created();

  /** The client is in the room. */
  void joined();

  /** A chat message from another member; its bench payload starts at {@code payloadOffset}. */
  void message(Buffer line, int payloadOffset);

  /** The server wants this line sent back (IRC PING). */
  void reply(String line);

  /** The room the client was in is gone (session-chat {@code OFFLINE:<room>}). */
  void roomOffline();

  /** The server reported an error. */
  void error(String line);
}
