package org.sessionchat.chat.net;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import org.sessionchat.chat.wire.Replies;

/**
 * The chat lines encoded lately for the connections of one event loop, so that a room's
 * broadcast is turned into bytes once per event loop instead of once per member: every member
 * of a room gets the same {@code MSG:<room>:<nick>:<text>} line (or the same IRC
 * {@code PRIVMSG} line), and the room hands it to all its members on this node in one go.
 *
 * <p>Why more than the last line: the socket's event loop writes each client's waiting lines
 * in one go, client after client, so under load member A's lines 1, 2, 3 come before member
 * B's lines 1, 2, 3; one remembered line would be replaced before its second use. The lines
 * are kept in a small table indexed by the hash of their parts (a string's hash is computed
 * once per string, and members on this node share the relayed text's string); a line that
 * meets another in its slot replaces it.
 *
 * <p>The encoded {@link Buffer} is shared by the sockets it is written to: a socket write
 * takes its own slice of it, and nothing writes into it after it is built. Confined to one
 * context (the server verticle's, where its connections' writes happen); not thread-safe.
 */
public final class BroadcastLines {

  /** Slots of the table; a power of two, a few times the lines one turn hands a client. */
  private static final int SLOTS = 64;

  private final String[] firsts = new String[SLOTS];
  private final String[] seconds = new String[SLOTS];
  private final Buffer[] lines = new Buffer[SLOTS];
  private long encoded;
  private long reused;

  /** The line protocol's {@code MSG} line for {@code room}, with its terminator. */
  public Buffer message(String room, String nickAndText) {
    int slot = slot(room, nickAndText);
    if (lines[slot] != null && nickAndText.equals(seconds[slot]) && room.equals(firsts[slot])) {
      reused++;
      return lines[slot];
    }
    return keep(slot, room, nickAndText, Replies.message(room, nickAndText) + "\n");
  }

  /**
   * {@code text} and {@code lineEnd} as bytes: the buffer made for the same two before, if it
   * is still kept, else a new one. Any line may come here.
   */
  public Buffer line(String text, String lineEnd) {
    int slot = slot(lineEnd, text);
    if (lines[slot] != null && text.equals(seconds[slot]) && lineEnd.equals(firsts[slot])) {
      reused++;
      return lines[slot];
    }
    return keep(slot, lineEnd, text, text + lineEnd);
  }

  private static int slot(String first, String second) {
    int h = second.hashCode() * 31 + first.hashCode();
    return (h ^ (h >>> 16)) & (SLOTS - 1);
  }

  private Buffer keep(int slot, String first, String second, String line) {
    firsts[slot] = first;
    seconds[slot] = second;
    lines[slot] = Buffer.buffer(line.getBytes(StandardCharsets.UTF_8));
    encoded++;
    return lines[slot];
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
