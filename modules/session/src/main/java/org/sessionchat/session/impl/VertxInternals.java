package org.sessionchat.session.impl;

import io.vertx.core.Vertx;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.spi.cluster.ClusterManager;

/**
 * The one place the runtime reaches into Vert.x's internal API.
 *
 * <p>Why it is needed at all: the public API of a clustered Vert.x does not expose its
 * cluster manager, and the runtime needs the Hazelcast instance behind it for the
 * membership events that drive {@code ParticipantOffline}, and the node id for routing.
 */
final class VertxInternals {

  private VertxInternals() {
  }

  /** The cluster manager of a clustered {@code vertx}; null when it is not clustered. */
  static ClusterManager clusterManager(Vertx vertx) {
    return vertx.isClustered() ? ((VertxInternal) vertx).clusterManager() : null;
  }
}
