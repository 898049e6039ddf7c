package org.sessionchat.chat.net;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import org.sessionchat.chat.wire.Replies;

/**
 * The last chat line encoded for the connections of one event loop, so that a room's
 * broadcast is turned into bytes once per event loop instead of once per member: every member
 * of a room gets the same {@code MSG:<room>:<nick>:<text>} line, and the room hands it to all
 * its members on this node in one go.
 *
 * <p>The encoded {@link Buffer} is shared by the sockets it is written to: a socket write
 * takes its own slice of it, and nothing writes into it after it is built. Confined to one
 * context (the server verticle's, where its connections' writes happen); not thread-safe.
 */
public final class BroadcastLines {

  private String room;
  private String nickAndText;
  private Buffer line;
  private long encoded;
  private long reused;

  /** The line protocol's {@code MSG} line for {@code room}, with its terminator. */
  public Buffer message(String room, String nickAndText) {
    if (line != null && nickAndText.equals(this.nickAndText) && room.equals(this.room)) {
      reused++;
      return line;
    }
    this.room = room;
    this.nickAndText = nickAndText;
    this.line = Buffer.buffer((Replies.message(room, nickAndText) + "\n").getBytes(StandardCharsets.UTF_8));
    encoded++;
    return line;
  }

  /** Lines encoded so far. */
  public long encoded() {
    return encoded;
  }

  /** Lines handed out again without encoding. */
  public long reused() {
    return reused;
  }
}
