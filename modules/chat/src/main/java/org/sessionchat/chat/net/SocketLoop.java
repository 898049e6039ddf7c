package org.sessionchat.chat.net;

import io.vertx.core.Context;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The socket side of every {@link ContextBoundTransport} whose socket lives on one context:
 * transports with events waiting line up here, and one task on that context writes for all of
 * them.
 *
 * <p>Why: a room's line reaches the members' client actors on their event loops in one go;
 * each then hands its line to its socket's context. One task per client there means a task,
 * a queue entry and often a wake-up of the socket's event loop per delivery; one task per
 * turn for all the clients of a broadcast costs that once. Each transport still drains its
 * own queue in order.
 */
final class SocketLoop {

  private final Context context;
  private final Queue<ContextBoundTransport> ready = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean scheduled = new AtomicBoolean();

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

  private void drain() {
    scheduled.set(false);
    ContextBoundTransport transport;
    while ((transport = ready.poll()) != null) {
      transport.drain();
    }
  }
}
