package org.sessionchat.session.impl;

import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.spi.cluster.ClusterManager;

/**
 * The one place the runtime reaches into Vert.x's internal API.
 *
 * <p>Why it is needed at all: the public API of a clustered Vert.x does not expose its
 * cluster manager, and the runtime needs the Hazelcast instance behind it for the
 * membership events that drive {@code ParticipantOffline}, and the node id for routing; and
 * the public API cannot run a handler as code of another context on that context's thread,
 * which delivering a batch of envelopes to several actors of one event loop needs.
 */
final class VertxInternals {

  private VertxInternals() {
  }

  /**
   * Runs {@code handler} with {@code event} now, on the calling thread, as code of
   * {@code context}: what the event bus does when it delivers to a consumer of that context.
   * Only on {@code context}'s own event-loop thread. A batch consumer uses it to hand each
   * envelope to its actor as if the actor's own consumer had received it (no task per
   * envelope).
   */
  static <E> void dispatch(Context context, E event, Handler<E> handler) {
    ((ContextInternal) context).dispatch(event, handler);
  }

  /** The cluster manager of a clustered {@code vertx}; null when it is not clustered. */
  static ClusterManager clusterManager(Vertx vertx) {
    return vertx.isClustered() ? ((VertxInternal) vertx).clusterManager() : null;
  }
}
