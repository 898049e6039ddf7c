package org.sessionchat.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sessionchat.session.testkit.ClusteredVertxNodes;

/** The runtime's behaviour on one Vert.x with no cluster: every actor on the same node. */
class LocalSessionRuntimeTest extends SessionRuntimeTestBase {

  private static Vertx vertx;

  @BeforeAll
  static void startVertx() {
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void closeVertx() {
    ClusteredVertxNodes.await(vertx.close(), 10);
  }

  @Override
  protected Vertx vertx(int i) {
    return vertx;
  }

  @Test
  void aSecondRuntimeOnTheSameVertxIsRefused() {
    assertThatThrownBy(() -> sync(SessionRuntime.start(vertx, options())))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("already runs");
  }

  @Test
  void aNodeWithoutClusterIsItsOwnCluster() {
    assertThat(initiatorNode.isClustered()).isFalse();
    assertThat(initiatorNode.clusterNodes()).containsExactly(initiatorNode.nodeId());
  }
}
