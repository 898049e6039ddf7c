package org.sessionchat.chat.net;

import io.netty.buffer.ByteBuf;

/**
 * The line handed to the connections of one context last in this turn of its event loop, in
 * one direct buffer that each connection writes a view of, instead of a copy each.
 *
 * <p>Why: under a steady load each member of a room is handed about one line per turn, and
 * the members of an event loop get a room's line one after the other (see {@link SocketLoop}).
 * A connection that writes a single line in a turn then writes it from here: one buffer and
 * one copy per line and event loop, not per member. A connection handed a second line in the
 * same turn gathers both in a buffer of its own ({@link GatheredLines}), as before.
 *
 * <p>The buffer lives until the end of the turn ({@link #release}) and as long as a write
 * holds a view of it (each view counts on the buffer). A line is known by its array: the same
 * line's bytes come from {@link BroadcastLines} as the same array. On the context's thread only.
 */
final class SharedLineBuffer {

  private byte[] line;
  private ByteBuf buffer;

  /**
   * {@code line}'s bytes in a direct buffer, retained once for the caller (who releases it, or
   * writes a view that releases it): the buffer made for the same array earlier in this turn,
   * else a new one from {@code socket}'s allocator.
   */
  ByteBuf retained(byte[] line, VertxInternals.SocketWrites socket) {
    if (line != this.line || buffer == null) {
      release();
      buffer = socket.buffer(line.length).writeBytes(line);
      this.line = line;
    }
    return buffer.retain();
  }

  /** The turn is over: lets go of the buffer (writes still under way keep it until they end). */
  void release() {
    ByteBuf held = buffer;
    buffer = null;
    line = null;
    if (held != null) {
      held.release();
    }
  }
}
