package org.sessionchat.chat.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every node notices a killed peer itself, before Hazelcast's member list drops it, and its
 * link to the peer does not take a hung peer for a killed one. Hazelcast's own detection is
 * made slow here (a fixed 20 s heartbeat deadline, refused connections not counted) and the
 * nodes' hang detector is off ({@code --hang-pause 0}; HangDetectionIT has it on), so what the
 * clients see in the first seconds can only come from the node's own link to the peer.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
@ExtendWith(ClusterLogsOnFailure.class)
class EarlyFailureDetectionIT {

  private static final Duration REPLY = Duration.ofSeconds(10);
  /** Far below the 20 s Hazelcast needs here; the benchmark measures the real figure. */
  private static final Duration OFFLINE_WITHIN = Duration.ofSeconds(8);
  private static final Duration HAZELCAST_REMOVES_WITHIN = Duration.ofSeconds(90);
  private static final String EARLY_LINE = "is gone: its event bus at ";
  private static final String MEMBER_LIST_LINE = "left the cluster; ending local sessions";
  private static final String LATE_REMOVAL_LINE = "left the member list; its sessions here had ended";

  private static ScriptedCluster slowHazelcast(ScriptedCluster cluster) throws Exception {
    return cluster.withNodeOptions("--hang-pause 0").withHazelcastProperties(Map.of(
        "hazelcast.heartbeat.failuredetector.type", "deadline",
        "hazelcast.max.no.heartbeat.seconds", "20",
        "hazelcast.connection.monitor.max.faults", "1000000"));
  }

  @Test
  void survivorsTellTheirClientsBeforeTheMemberListDropsAKilledNode() throws Exception {
    try (ScriptedCluster cluster = slowHazelcast(new ScriptedCluster().withTls()).start(3);
        ChatConnection host = ChatConnection.as("host", cluster.port(3));
        ChatConnection ann = ChatConnection.as("ann", cluster.port(1));
        ChatConnection bob = ChatConnection.as("bob", cluster.port(2))) {
      ChatConnection.roomWith("deck", host, ann, bob);

      cluster.kill(3);

      // node2 is not Hazelcast's master (node1 started first): it has no say in the member list
      bob.await("OFFLINE:deck", OFFLINE_WITHIN);
      ann.await("OFFLINE:deck", OFFLINE_WITHIN);
      assertThat(cluster.log(2)).as("node2 found node3 gone itself, before Hazelcast removed it")
          .contains(EARLY_LINE).doesNotContain(LATE_REMOVAL_LINE).doesNotContain(MEMBER_LIST_LINE);
      assertThat(cluster.log(1)).as("node1 too").contains(EARLY_LINE).doesNotContain(LATE_REMOVAL_LINE);
      assertThat(cluster.clusterSize(2)).as("node2 counts the killed node absent at once").isEqualTo(2);

      // later Hazelcast drops node3 too; the sessions do not end a second time
      await().atMost(HAZELCAST_REMOVES_WITHIN).pollInterval(Duration.ofMillis(500))
          .until(() -> cluster.log(2).contains(LATE_REMOVAL_LINE) && cluster.log(1).contains(LATE_REMOVAL_LINE));
      for (int node = 1; node <= 2; node++) {
        String log = cluster.log(node);
        assertThat(count(log, EARLY_LINE)).as("early findings in node%d's log", node).isEqualTo(1);
        assertThat(log).as("node%d ended the sessions once", node).doesNotContain(MEMBER_LIST_LINE);
      }
      // the room registry lives in Hazelcast: it forgets the room once Hazelcast has moved the
      // dead member's partitions, after its removal
      await().atMost(REPLY).untilAsserted(() -> bob.request("LIST", "ROOMS"));
      ChatConnection.roomWith("deck", bob, ann);
      ann.send("CHAT:still here");
      bob.await("MSG:deck:ann:still here", REPLY);
    }
  }

  @Test
  void aHungNodeIsNotTakenForAKilledOne() throws Exception {
    try (ScriptedCluster cluster = slowHazelcast(new ScriptedCluster()).start(3);
        ChatConnection host = ChatConnection.as("host", cluster.port(3));
        ChatConnection ann = ChatConnection.as("ann", cluster.port(1));
        ChatConnection bob = ChatConnection.as("bob", cluster.port(2))) {
      ChatConnection.roomWith("hung", host, ann, bob);

      cluster.pause(3);
      // longer than any early finding takes (below a second), shorter than Hazelcast's 20 s
      String annSaw = ann.poll(Duration.ofSeconds(6));
      String bobSaw = bob.poll(Duration.ofMillis(100));
      assertThat(annSaw).as("ann while node3 hangs").isNull();
      assertThat(bobSaw).as("bob while node3 hangs").isNull();
      assertThat(cluster.log(1)).doesNotContain(EARLY_LINE);
      assertThat(cluster.log(2)).doesNotContain(EARLY_LINE);
      cluster.resume(3);

      host.send("CHAT:awake again");
      ann.await("MSG:hung:host:awake again", REPLY);
      bob.await("MSG:hung:host:awake again", REPLY);
      bob.send("CHAT:welcome back");
      host.await("MSG:hung:bob:welcome back", REPLY);
      assertThat(cluster.log(1)).doesNotContain(EARLY_LINE).doesNotContain(MEMBER_LIST_LINE);
      assertThat(cluster.log(2)).doesNotContain(EARLY_LINE).doesNotContain(MEMBER_LIST_LINE);
    }
  }

  private static int count(String text, String part) {
    int count = 0;
    for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
      count++;
    }
    return count;
  }
}
