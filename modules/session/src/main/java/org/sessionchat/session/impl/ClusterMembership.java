package org.sessionchat.session.impl;

import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastInstance;
import io.vertx.core.spi.cluster.ClusterManager;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns Hazelcast's "member removed" into "Vert.x node left".
 *
 * <p>Why Hazelcast's listener and not Vert.x's {@code NodeListener}: the latter is a single
 * slot Vert.x may use itself, and fires later (after it cleaned its subscription map); the
 * Hazelcast listener is additive and fires first. The Vert.x node id is the member
 * attribute {@code __vertx.nodeId}.
 */
final class ClusterMembership implements MembershipListener, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ClusterMembership.class);
  static final String NODE_ID_ATTRIBUTE = "__vertx.nodeId";

  private final HazelcastInstance hazelcast;
  private final Consumer<String> nodeLeft;
  private UUID registration;

  private ClusterMembership(HazelcastInstance hazelcast, Consumer<String> nodeLeft) {
    this.hazelcast = hazelcast;
    this.nodeLeft = nodeLeft;
  }

  /** Watches the cluster of {@code clusterManager}; null (with a warning) if it is not Hazelcast. */
  static ClusterMembership watch(ClusterManager clusterManager, Consumer<String> nodeLeft) {
    if (!(clusterManager instanceof HazelcastClusterManager hazelcastManager)) {
      LOG.warn("cluster manager {} is not Hazelcast: departed nodes will not end sessions", clusterManager);
      return null;
    }
    ClusterMembership membership = new ClusterMembership(hazelcastManager.getHazelcastInstance(), nodeLeft);
    membership.registration = membership.hazelcast.getCluster().addMembershipListener(membership);
    return membership;
  }

  @Override
  public void memberAdded(MembershipEvent event) {
  }

  @Override
  public void memberRemoved(MembershipEvent event) {
    String nodeId = event.getMember().getAttribute(NODE_ID_ATTRIBUTE);
    if (nodeId != null) {
      nodeLeft.accept(nodeId);
    }
  }

  @Override
  public void close() {
    try {
      hazelcast.getCluster().removeMembershipListener(registration);
    } catch (RuntimeException e) {
      // Hazelcast already shut down: nothing to remove
    }
  }
}
