package org.sessionchat.chat.net;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import org.sessionchat.chat.wire.Replies;

/**
 * The last chat line encoded for the connections of one event loop, so that a room's
 * broadcast is turned into bytes once per event loop instead of once per member: every member
 * of a room gets the same {@code MSG:<room>:<nick>:<text>} line (or the same IRC
 * {@code PRIVMSG} line), and the room hands it to all its members on this node in one go.
 *
 * <p>The encoded {@link Buffer} is shared by the sockets it is written to: a socket write
 * takes its own slice of it, and nothing writes into it after it is built. Confined to one
 * context (the server verticle's, where its connections' writes happen); not thread-safe.
 */
public final class BroadcastLines {

  private String room;
  private String nickAndText;
  private Buffer line;
  private String text;
  private String textEnd;
  private Buffer textLine;
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

  /**
   * {@code text} and {@code lineEnd} as bytes: the buffer of the previous call when both are
   * the same (the same line for the next member), else a new one. Any line may come here; only
   * the last one is kept.
   */
  public Buffer line(String text, String lineEnd) {
    if (textLine != null && text.equals(this.text) && lineEnd.equals(textEnd)) {
      reused++;
      return textLine;
    }
    this.text = text;
    this.textEnd = lineEnd;
    this.textLine = Buffer.buffer((text + lineEnd).getBytes(StandardCharsets.UTF_8));
    encoded++;
    return textLine;
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
