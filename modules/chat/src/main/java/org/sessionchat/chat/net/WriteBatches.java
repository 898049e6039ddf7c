package org.sessionchat.chat.net;

/**
 * A transport that can gather the lines of several events into one socket write.
 *
 * <p>Why: every write is an entry in the socket's outbound buffer, a promise and a slice of
 * a buffer; a busy member of a room is handed several lines per turn of its socket's event
 * loop. Between {@link #beginBatch} and {@link #endBatch} (called by
 * {@link ContextBoundTransport} around each drain, on the socket's context) the lines are
 * written in order as one buffer at the end.
 */
interface WriteBatches {

  /** From now on, lines are gathered. */
  void beginBatch();

  /** Writes what was gathered, in order, as one write; lines go out one by one again. */
  void endBatch();
}
