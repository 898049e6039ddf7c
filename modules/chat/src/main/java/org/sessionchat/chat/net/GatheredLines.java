package org.sessionchat.chat.net;

import io.netty.buffer.ByteBuf;

/**
 * The lines one connection is handed in one turn of its socket's event loop, gathered in one
 * pooled direct buffer and written as one socket write once the event loop has no task left
 * ({@link SocketLoop#flushAtEndOfTurn}).
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
 * <p>A turn's first line is not copied here: the connection holds the context's buffer of that
 * line ({@link SharedLineBuffer}), shared with the other members handed it in the same turn,
 * and writes a view of it if no second line follows.
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
  /** This turn's lines in a buffer of this connection's own, or null. */
  private ByteBuf gathered;
  /** This turn's only line so far, in the buffer the context shares ({@link SharedLineBuffer}); retained, or null. */
  private ByteBuf single;
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
    if (gathered == null && single == null && loop != null && line.length < piece) {
      single = loop.sharedLine(line, socket); // the turn's first line: the context's copy, not one of our own
    } else {
      if (gathered == null) {
        gathered = socket.buffer(Math.max(pendingBytes() + line.length, Math.min(piece, lastTurnBytes)));
        if (single != null) {
          gathered.writeBytes(single, single.readerIndex(), single.readableBytes());
          single.release();
          single = null;
        }
      }
      gathered.writeBytes(line);
    }
    if (loop == null || pendingBytes() >= piece) {
      flush();
    } else if (!flushQueued) {
      flushQueued = true;
      loop.flushAtEndOfTurn(this);
    }
  }

  /** Writes and flushes what was gathered, as one write; nothing if nothing was. */
  void flush() {
    flushQueued = false;
    ByteBuf lines = single != null ? single.duplicate() : gathered; // a view: its own indices, the shared count
    if (lines == null) {
      return;
    }
    single = null;
    gathered = null;
    lastTurnBytes = lines.readableBytes();
    writes++;
    socket.writeAndFlush(lines); // the socket owns (and releases) the buffer from here
  }

  /** Drops what was gathered (the connection is closing without writing it) and frees its memory. */
  void discard() {
    ByteBuf lines = single != null ? single : gathered;
    single = null;
    gathered = null;
    if (lines != null) {
      lines.release();
    }
  }

  /** Bytes gathered and not yet written. */
  int pendingBytes() {
    return single != null ? single.readableBytes() : gathered == null ? 0 : gathered.readableBytes();
  }

  /** True if the socket holds more unsent bytes than its write queue takes: its client does not read. */
  boolean socketFull() {
    return socket.full();
  }


  /** Socket writes made so far. */
  long writes() {
    return writes;
  }
}
