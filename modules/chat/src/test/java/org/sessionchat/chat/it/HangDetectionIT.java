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
 * A hung node (SIGSTOP) is found by the nodes' own hang detector, which reads Hazelcast's
 * heartbeats ten times a second, and removed through Hazelcast's suspicion. Hazelcast's own
 * check is made slow here (phi threshold 10,000 on top of the 3 s tolerated: about 11 s of
 * silence; a long heartbeat deadline would also lengthen Hazelcast's calls to the stopped
 * member, which the removal can wait for), so an {@code OFFLINE} within seconds can only come
 * from the detector; {@link EarlyFailureDetectionIT} shows that with the detector off the
 * same pause tells nobody anything for 6 s.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
@ExtendWith(ClusterLogsOnFailure.class)
class HangDetectionIT {

  private static final Duration REPLY = Duration.ofSeconds(10);
  /** Far below the ~11 s Hazelcast's own check needs here; the benchmark measures the real figure. */
  private static final Duration OFFLINE_WITHIN = Duration.ofSeconds(8);
  /**
   * Time for the nodes to judge node3 by its heartbeats since its start (5 s after its first
   * one, then four more: docs/reliability.md), not by the irregular ones of its busy start.
   */
  private static final Duration STEADY = Duration.ofSeconds(12);
  private static final Duration HEALED_WITHIN = Duration.ofSeconds(60);
  private static final String SILENT_LINE = "is silent: no heartbeat for";
  private static final String OWN_PAUSE_LINE = "this node did not run for";
  private static final String EARLY_LINE = "is gone: its event bus at ";

  @Test
  void aHungNodeIsSuspectedWithinSecondsAndTheResumedNodeSuspectsNobody() throws Exception {
    try (ScriptedCluster cluster = new ScriptedCluster().withHazelcastProperties(Map.of(
            "hazelcast.heartbeat.phiaccrual.failuredetector.threshold", "10000")).start(3);
        ChatConnection host = ChatConnection.as("host", cluster.port(3));
        ChatConnection ann = ChatConnection.as("ann", cluster.port(1));
        ChatConnection bob = ChatConnection.as("bob", cluster.port(2))) {
      ChatConnection.roomWith("hung", host, ann, bob);
      cluster.awaitSteady(STEADY);

      cluster.pause(3);
      ann.await("OFFLINE:hung", OFFLINE_WITHIN);
      bob.await("OFFLINE:hung", OFFLINE_WITHIN);
      String judged = cluster.log(1) + cluster.log(2);
      assertThat(judged).as("the live nodes judged node3 silent themselves").contains(SILENT_LINE)
          .doesNotContain(EARLY_LINE);
      cluster.resume(3);

      // node3 merges back; its room is listed and joinable everywhere again
      await().atMost(HEALED_WITHIN).pollInterval(Duration.ofMillis(500))
          .untilAsserted(() -> ann.request("LIST", "ROOMS:hung"));
      ann.request("JOIN:hung", "OK:JOIN:hung");
      host.send("CHAT:awake again");
      ann.await("MSG:hung:host:awake again", REPLY);
      String resumed = cluster.log(3);
      assertThat(resumed).as("node3 knew the silence was its own").contains(OWN_PAUSE_LINE)
          .doesNotContain(SILENT_LINE);
    }
  }
}
