package org.sessionchat.session.impl;

import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastInstance;
import io.vertx.core.spi.cluster.ClusterManager;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns Hazelcast's "member added / removed" into "Vert.x node joined / left".
 *
 * <p>Why Hazelcast's listener and not Vert.x's {@code NodeListener}: the latter is a single
 * slot Vert.x may use itself, and fires later (after it cleaned its subscription map); the
 * Hazelcast listener is additive and fires first. The Vert.x node id is the member
 * attribute {@code __vertx.nodeId}.
 */
final class ClusterMembership implements MembershipListener, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ClusterMembership.class);
  static final String NODE_ID_ATTRIBUTE = "__vertx.nodeId";

  /** What the membership tells, by Vert.x node id; never about this node itself. */
  interface Listener {
    /** {@code nodeId} is a member: it was there when watching began, joined, or merged back. */
    void joined(String nodeId);

    /** {@code nodeId} is no longer in the member list. */
    void left(String nodeId);
  }

  private final HazelcastInstance hazelcast;
  private final String localNodeId;
  private final Listener listener;
  private UUID registration;

  private ClusterMembership(HazelcastInstance hazelcast, String localNodeId, Listener listener) {
    this.hazelcast = hazelcast;
    this.localNodeId = localNodeId;
    this.listener = listener;
  }

  /**
   * Watches the cluster of {@code clusterManager}, telling {@code listener} of every member now
   * there and of each change; null (with a warning) if it is not Hazelcast.
   */
  static ClusterMembership watch(ClusterManager clusterManager, Listener listener) {
    if (!(clusterManager instanceof HazelcastClusterManager hazelcastManager)) {
      LOG.warn("cluster manager {} is not Hazelcast: departed nodes will not end sessions", clusterManager);
      return null;
    }
    ClusterMembership membership = new ClusterMembership(hazelcastManager.getHazelcastInstance(),
        clusterManager.getNodeId(), listener);
    membership.registration = membership.hazelcast.getCluster().addMembershipListener(membership);
    for (Member member : membership.hazelcast.getCluster().getMembers()) {
      membership.tell(member, true);
    }
    return membership;
  }

  @Override
  public void memberAdded(MembershipEvent event) {
    tell(event.getMember(), true);
  }

  @Override
  public void memberRemoved(MembershipEvent event) {
    tell(event.getMember(), false);
  }

  private void tell(Member member, boolean joined) {
    String nodeId = member.getAttribute(NODE_ID_ATTRIBUTE);
    if (nodeId == null || member.localMember() || nodeId.equals(localNodeId)) {
      return;
    }
    if (joined) {
      listener.joined(nodeId);
    } else {
      listener.left(nodeId);
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
