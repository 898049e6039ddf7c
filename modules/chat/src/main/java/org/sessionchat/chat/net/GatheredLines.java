package org.sessionchat.chat.net;

import io.netty.buffer.ByteBuf;

/**
 * The lines one connection is handed in one turn of its socket's event loop, gathered in one
 * pooled direct buffer and written as one socket write once the tasks queued in that turn
 * have run ({@link SocketLoop#flushAtEndOfTurn}).
 *
 * <p>Why: a room's broadcast hands each member its line as a call of its own, and under load
 * a member is handed many lines per turn. Written one by one, every line is a Netty write of
 * its own — a promise, an entry in the socket's outbound buffer, and a copy of the heap
 * buffer into a direct one — which cost more than the line. Gathered, a turn costs one write
 * and one flush, straight into the socket's channel (see {@link VertxInternals.SocketWrites}),
 * and the bytes are copied once, into the memory the kernel reads from. A turn that
 * gathers more than a piece ({@value #MAX_GATHERED} bytes, or a quarter of the connection's
 * write queue if that is less) writes them at that point and gathers anew, so a busy
 * connection never holds more than that here, and a piece never fills the write queue on its
 * own: the queue counts as full only when the client does not take what was written.
 *
 * <p>Confined to the socket's context; the caller checks that the connection may still write.
 */
final class GatheredLines {

  /** Bytes gathered at most before they are written without waiting for the end of the turn. */
  static final int MAX_GATHERED = 64 * 1024;
  private static final int MIN_CAPACITY = 512;

  private final VertxInternals.SocketWrites socket;
  private final SocketLoop loop;
  private final int piece;
  private ByteBuf gathered;
  private boolean flushQueued;
  private int lastTurnBytes = MIN_CAPACITY;
  private long writes;

  /**
   * @param socket          where the lines go
   * @param loop            the socket context's loop, which flushes at the end of a turn; null
   *                        writes each line at once (a connection made outside a Vert.x context)
   * @param writeQueueBytes the size of the socket's write queue
   */
  GatheredLines(VertxInternals.SocketWrites socket, SocketLoop loop, int writeQueueBytes) {
    this.socket = socket;
    this.loop = loop;
    this.piece = Math.max(1, Math.min(MAX_GATHERED, writeQueueBytes / 4));
  }

  /** Adds {@code line} (its terminator included) behind what this turn gathered so far. */
  void add(byte[] line) {
    if (gathered == null) {
      gathered = socket.buffer(Math.max(line.length, Math.min(piece, lastTurnBytes)));
    }
    gathered.writeBytes(line);
    if (loop == null || gathered.readableBytes() >= piece) {
      flush();
    } else if (!flushQueued) {
      flushQueued = true;
      loop.flushAtEndOfTurn(this);
    }
  }

  /** Writes and flushes what was gathered, as one write; nothing if nothing was. */
  void flush() {
    flushQueued = false;
    ByteBuf lines = gathered;
    if (lines == null) {
      return;
    }
    gathered = null;
    lastTurnBytes = lines.readableBytes();
    writes++;
    socket.writeAndFlush(lines); // the socket owns (and releases) the buffer from here
  }

  /** Drops what was gathered (the connection is closing without writing it) and frees its memory. */
  void discard() {
    ByteBuf lines = gathered;
    gathered = null;
    if (lines != null) {
      lines.release();
    }
  }

  /** True if the socket holds more unsent bytes than its write queue takes: its client does not read. */
  boolean socketFull() {
    return socket.full();
  }

  /** Bytes gathered and not yet written. */
  int pendingBytes() {
    return gathered == null ? 0 : gathered.readableBytes();
  }

  /** Socket writes made so far. */
  long writes() {
    return writes;
  }
}
