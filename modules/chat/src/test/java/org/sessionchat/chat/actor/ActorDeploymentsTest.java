package org.sessionchat.chat.actor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.sessionchat.chat.testing.LineClient;
import org.sessionchat.chat.testing.LocalChatNode;

/**
 * Every actor is a verticle: one deployment per connected client and per room, on top of
 * the node's own (the TCP server and the room manager), gone with the client or the node.
 */
class ActorDeploymentsTest {

  @AutoClose
  private LocalChatNode node;

  @Test
  void eachClientAndEachRoomIsOneDeploymentGoneWhenTheClientLeaves() throws Exception {
    node = LocalChatNode.start();
    int idle = node.vertx().deploymentIDs().size();
    assertThat(node.node().runtime().actorCount()).as("the room manager and the nick server").isEqualTo(2);

    try (LineClient ann = node.connect("ann"); LineClient bob = node.connect("bob")) {
      assertDeployments(idle + 2);
      ann.call("CREATE:deck", "OK:CREATE:deck");
      assertDeployments(idle + 3);
      bob.call("JOIN:deck", "OK:JOIN:deck");
      assertDeployments(idle + 3);
      assertThat(node.node().runtime().actorCount()).isEqualTo(5);

      bob.call("QUIT", "BYE");
      assertDeployments(idle + 2);
      ann.close();
      assertDeployments(idle + 1);
      assertThat(node.node().runtime().actorCount()).as("the room manager, the nick server and room deck").isEqualTo(3);
    }

    node.node().close().await(Duration.ofSeconds(20).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    assertThat(node.node().runtime().actorCount()).isZero();
    assertThat(node.vertx().deploymentIDs()).as("every actor verticle undeployed with the node").isEmpty();
  }

  private void assertDeployments(int expected) {
    await().atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(node.vertx().deploymentIDs()).hasSize(expected));
  }
}
