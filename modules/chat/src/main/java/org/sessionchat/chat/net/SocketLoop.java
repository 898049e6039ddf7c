package org.sessionchat.chat.net;

import io.netty.buffer.ByteBuf;
import io.vertx.core.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The socket side of one context: every {@link ContextBoundTransport} whose socket lives there
 * and has events waiting lines up here, and one task on that context hands them over for all
 * of them; every connection that gathered lines in a turn ({@link GatheredLines}) lines up here
 * too, and one task writes them all once the tasks queued before it have run.
 *
 * <p>Why: a room's line reaches the members' client actors on their event loops in one go;
 * each then hands its line to its socket's context. One task per client there means a task,
 * a queue entry and often a wake-up of the socket's event loop per delivery; one task per
 * turn for all the clients of a broadcast costs that once. Each transport still drains its
 * own queue in order. Likewise one write per connection per turn, not one per line, and one
 * buffer per line for all the connections that write just that line in a turn.
 */
final class SocketLoop {

  private final Context context;
  private final Queue<ContextBoundTransport> ready = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean scheduled = new AtomicBoolean();
  /** The transports being drained, one event each in turn; on this context's thread only. */
  private final List<ContextBoundTransport> round = new ArrayList<>();
  /** Connections with lines gathered this turn; on this context's thread only. */
  private final List<GatheredLines> toFlush = new ArrayList<>();
  private boolean flushScheduled;
  private final Runnable flushTask = this::flush;
  /** The line handed to this context's connections last in this turn; on this context's thread only. */
  private final SharedLineBuffer sharedLine = new SharedLineBuffer();

  private SocketLoop(Context context) {
    this.context = context;
  }

  /** The socket loop of {@code context}; call on that context (one per context, kept in its data). */
  static SocketLoop of(Context context) {
    Object loop = context.get(SocketLoop.class);
    if (loop instanceof SocketLoop existing) {
      return existing;
    }
    SocketLoop created = new SocketLoop(context);
    context.put(SocketLoop.class, created);
    return created;
  }

  /** {@code transport} has events waiting (it schedules itself once until drained); from any thread. */
  void schedule(ContextBoundTransport transport) {
    ready.add(transport);
    if (scheduled.compareAndSet(false, true)) {
      context.runOnContext(v -> drain());
    }
  }

  /**
   * {@code lines} gathered its first line of this turn: it is flushed once the event loop has
   * run every task queued on it, those queued meanwhile included (a burst of a room's lines
   * goes out as one write per member, not one per line). On this context's thread; once per
   * turn and connection.
   */
  void flushAtEndOfTurn(GatheredLines lines) {
    toFlush.add(lines);
    if (!flushScheduled) {
      flushScheduled = true;
      VertxInternals.afterLoopIteration(context, flushTask);
    }
  }

  /**
   * {@code line}'s bytes in this turn's shared buffer, retained once for the caller (see
   * {@link SharedLineBuffer}); on this context's thread, by a connection that then waits for
   * the end of the turn ({@link #flushAtEndOfTurn}).
   */
  ByteBuf sharedLine(byte[] line, VertxInternals.SocketWrites socket) {
    return sharedLine.retained(line, socket);
  }

  /**
   * Hands every transport that is ready one event in turn, until none has any left: a room's
   * line waits in the queue of each member here, so the next member's copy of a line follows
   * the last one's at once (its bytes still at hand, see {@link BroadcastLines}) instead of
   * after all the lines of the member before. Each transport's own events keep their order.
   */
  private void drain() {
    scheduled.set(false);
    ContextBoundTransport transport;
    while ((transport = ready.poll()) != null) {
      transport.taken();
      round.add(transport);
    }
    while (!round.isEmpty()) {
      int busy = 0;
      for (int i = 0; i < round.size(); i++) {
        ContextBoundTransport next = round.get(i);
        if (next.applyNext()) {
          round.set(busy++, next);
        }
      }
      round.subList(busy, round.size()).clear();
    }
  }

  private void flush() {
    flushScheduled = false;
    for (int i = 0; i < toFlush.size(); i++) { // a write that fails may close a connection: never one that is listed
      toFlush.get(i).flush();
    }
    toFlush.clear();
    sharedLine.release();
  }
}
