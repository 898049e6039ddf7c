package org.sessionchat.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import io.vertx.core.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sessionchat.session.testkit.ClusteredVertxNodes;
import org.sessionchat.session.testkit.ProbeActor;
import org.sessionchat.session.testkit.TestProtocols;

/**
 * A whole member dies abruptly (Hazelcast terminated, no goodbye): the survivors end every
 * session that needed a participant there, at once and exactly once, without sending anything.
 */
class NodeFailureTest {

  private ClusteredVertxNodes cluster;
  private final List<SessionRuntime> runtimes = new java.util.ArrayList<>();

  @AfterEach
  void tearDown() {
    for (SessionRuntime runtime : runtimes) {
      try {
        sync(runtime.close());
      } catch (RuntimeException e) {
        // the killed member's runtime: its Vert.x is gone already
      }
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void sessionsWithAParticipantOnADeadMemberEndWithParticipantOfflineOnce() {
    cluster = ClusteredVertxNodes.start(3);
    SessionRuntimeOptions options = new SessionRuntimeOptions(TestProtocols.library(), TestProtocols.roles(), true);
    for (int i = 0; i < 3; i++) {
      runtimes.add(sync(SessionRuntime.start(cluster.node(i), options)));
    }
    Queue<String> departed = new ConcurrentLinkedQueue<>();
    runtimes.get(0).onNodeLeft(departed::add);
    runtimes.get(1).onNodeLeft(departed::add);
    String doomed = cluster.nodeId(2);

    ProbeActor pinger = probe(0);
    ProbeActor doomedPonger = probe(2);
    sync(pinger.context().startSession("PingPong", "Pinger", Map.of("Ponger", doomedPonger.ref())));
    ProbeActor survivingPonger = probe(1);
    Conversation survivor = sync(pinger.context().startSession("PingPong", "Pinger",
        Map.of("Ponger", survivingPonger.ref())));
    ProbeActor player = probe(0);
    ProbeActor desk = probe(1).onReceive((conversation, message) -> {
      if (message.label().equals("seat")) {
        conversation.send("Player", "table", "dealer");
      }
    });
    Conversation lobby = sync(player.context().startSession("Lobby", "Player", Map.of("Desk", desk.ref())));
    sync(lobby.send("Desk", "seat"));
    await().atMost(Duration.ofSeconds(10)).until(() -> player.events().contains("received Lobby/Player table[dealer]"));
    ProbeActor dealer = probe(2);
    sync(lobby.initiate("Game", Map.of("Dealer", dealer.ref())));

    Queue<String> seenOnNode0 = new ConcurrentLinkedQueue<>();
    runtimes.get(0).observe(new SessionObserver() {
      @Override
      public void nodeLeft(String nodeId) {
        seenOnNode0.add("node-left " + nodeId);
      }

      @Override
      public void sessionEnded(String sessionId, String role, EndReason reason) {
        seenOnNode0.add("ended " + role + " " + reason);
      }
    });
    long killedAt = System.nanoTime();
    cluster.kill(2); // mutes its bus both ways: whatever it tries to say now never leaves it

    await().atMost(Duration.ofSeconds(10)).until(() -> pinger.events().contains("ended PingPong/Pinger PARTICIPANT_OFFLINE")
        && player.events().contains("ended Game/Player PARTICIPANT_OFFLINE"));
    // no goodbye can have told them (the dead member's bus is mute): the membership event came first
    assertThat(seenOnNode0).first().isEqualTo("node-left " + doomed);
    assertThat(seenOnNode0).contains("ended Pinger PARTICIPANT_OFFLINE", "ended Player PARTICIPANT_OFFLINE");
    long detectedMs = (System.nanoTime() - killedAt) / 1_000_000;
    await().atMost(Duration.ofSeconds(10)).until(() -> departed.size() == 2);
    assertThat(departed).containsOnly(doomed);
    assertThat(detectedMs).as("pushed by the membership event, not found by a timeout").isLessThan(5_000);

    // the parent resumed in its handle block and goes on with the surviving Desk
    sync(lobby.send("Desk", "quit"));
    assertThat(player.events()).endsWith("ended Lobby/Player COMPLETED");
    // sessions between survivors are untouched
    sync(survivor.send("Ponger", "ping", 1));
    await().atMost(Duration.ofSeconds(10))
        .until(() -> survivingPonger.events().contains("received PingPong/Ponger ping[1]"));
    assertThat(pinger.count("ended PingPong/Pinger PARTICIPANT_OFFLINE")).isEqualTo(1);
    assertThat(player.count("ended Game/Player PARTICIPANT_OFFLINE")).isEqualTo(1);
    assertThat(runtimes.get(0).clusterNodes()).doesNotContain(doomed);
    System.out.printf("member death to ParticipantOffline: %d ms%n", detectedMs);
  }

  @Test
  void aSessionBeingSetUpFailsAtOnceWhenAnInviteesMemberDies() throws InterruptedException {
    cluster = ClusteredVertxNodes.start(2);
    SessionRuntimeOptions options = new SessionRuntimeOptions(TestProtocols.library(), TestProtocols.roles(), true);
    for (int i = 0; i < 2; i++) {
      runtimes.add(sync(SessionRuntime.start(cluster.node(i), options)));
    }
    CountDownLatch invited = new CountDownLatch(1);
    CountDownLatch answer = new CountDownLatch(1);
    ProbeActor undecided = new ProbeActor() {
      @Override
      public boolean acceptInvitation(String protocol, String role) {
        invited.countDown();
        awaitQuietly(answer); // still thinking when its member dies
        return false;
      }
    };
    sync(runtimes.get(1).spawn(TestProtocols.PROBE, undecided));
    ProbeActor pinger = probe(0);

    Future<Conversation> setUp = pinger.context().startSession("PingPong", "Pinger",
        Map.of("Ponger", undecided.ref()));
    assertThat(invited.await(10, TimeUnit.SECONDS)).isTrue();
    long killedAt = System.nanoTime();
    Thread killer = new Thread(() -> cluster.kill(1));
    killer.start();
    try {
      assertThatThrownBy(() -> sync(setUp)).isInstanceOf(SessionSetupException.class)
          .hasMessageContaining("left before the session was established");
      assertThat((System.nanoTime() - killedAt) / 1_000_000).as("ms, well before the 10 s set-up timeout")
          .isLessThan(5_000);
      assertThat(pinger.events()).isEmpty();
    } finally {
      answer.countDown();
      killer.join(20_000);
    }
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(20, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private ProbeActor probe(int node) {
    ProbeActor probe = new ProbeActor();
    sync(runtimes.get(node).spawn(TestProtocols.PROBE, probe));
    return probe;
  }

  private static <T> T sync(io.vertx.core.Future<T> future) {
    return ClusteredVertxNodes.await(future, 20);
  }
}
