package org.sessionchat.chat.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A node that knows the cluster name but holds a certificate from another CA: it gets into
 * Hazelcast (the open-source edition has no member authentication) but not onto the event
 * bus. Real JVMs started by {@code scripts/cluster}, certificates made by
 * {@code scripts/cluster-certs}.
 */
@Timeout(value = 5, unit = java.util.concurrent.TimeUnit.MINUTES)
@ExtendWith(ClusterLogsOnFailure.class)
class ClusterTrustIT {

  private static final Duration REPLY = Duration.ofSeconds(10);
  /** Longer than the session set-up timeout (10 s): an invitation that cannot be delivered fails by then. */
  private static final Duration SETUP_FAILS_WITHIN = Duration.ofSeconds(30);

  @Test
  void aNodeWithAnotherCasCertificateCanNeitherSendNorReceiveAndEveryOtherNodeNamesItOnce() throws Exception {
    try (ScriptedCluster cluster = new ScriptedCluster().withTls().start(3);
        ChatConnection ann = ChatConnection.as("ann", cluster.port(1));
        ChatConnection bob = ChatConnection.as("bob", cluster.port(2))) {
      ChatConnection.roomWith("vault", ann, bob);

      int stranger = cluster.add(Map.of("CHAT_CLUSTER_CERTS", cluster.certificates().resolveSibling("other-ca").toString()));

      try (ChatConnection eve = ChatConnection.as("eve", cluster.port(stranger))) {
        // It reads the room registry (Hazelcast) but cannot reach the room's actor (event bus).
        eve.send("JOIN:vault");
        assertThat(eve.next(SETUP_FAILS_WITHIN)).startsWith("ERROR:");
        // A room on the stranger cannot be joined from a legitimate node either.
        eve.request("CREATE:trap", "OK:CREATE:trap");
        eve.request("JOIN:trap", "OK:JOIN:trap");
        bob.send("JOIN:trap");
        assertThat(bob.next(SETUP_FAILS_WITHIN)).startsWith("ERROR:");
        eve.send("CHAT:let me in");
      }
      ann.send("CHAT:still private");
      bob.await("MSG:vault:ann:still private", REPLY);
      assertThat(ann.drain()).noneMatch(line -> line.contains("eve"));

      String strangerAddress = "127.0.0.1]:" + cluster.clusterPort(stranger);
      for (int node = 1; node <= 3; node++) {
        int n = node;
        await().atMost(REPLY).untilAsserted(() -> assertThat(linesAbout(cluster.log(n), strangerAddress))
            .as("node%d's lines about the stranger", n).hasSize(1)
            .allSatisfy(line -> assertThat(line).contains("not on the event bus")
                .contains("its certificate is not signed by the cluster CA")));
      }
    }
  }

  private static java.util.List<String> linesAbout(String log, String address) {
    return log.lines().filter(line -> line.contains(address) && line.contains("PeerCertificateCheck")).toList();
  }
}
