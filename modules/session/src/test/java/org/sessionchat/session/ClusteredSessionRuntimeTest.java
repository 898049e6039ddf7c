package org.sessionchat.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sessionchat.session.testkit.ClusteredVertxNodes;

/** The runtime's behaviour across a two-member Hazelcast cluster: initiators on one node, peers on the other. */
class ClusteredSessionRuntimeTest extends SessionRuntimeTestBase {

  private static ClusteredVertxNodes cluster;

  @BeforeAll
  static void startCluster() {
    cluster = ClusteredVertxNodes.start(2);
  }

  @AfterAll
  static void closeCluster() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Override
  protected Vertx vertx(int i) {
    return cluster.node(i);
  }

  @Test
  void eachNodeKnowsTheOtherByItsVertxNodeId() {
    assertThat(initiatorNode.isClustered()).isTrue();
    assertThat(initiatorNode.nodeId()).isEqualTo(cluster.nodeId(0));
    assertThat(initiatorNode.clusterNodes()).containsExactlyInAnyOrder(cluster.nodeId(0), cluster.nodeId(1));
  }
}
