package org.sessionchat.chat.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What users do with a cluster: nodes started with {@code scripts/cluster}, clients on every
 * node, and nodes killed with {@code kill -9} or stopped with SIGTERM. Every node is a real
 * JVM; every client a real socket.
 */
@Timeout(value = 6, unit = java.util.concurrent.TimeUnit.MINUTES)
@ExtendWith(ClusterLogsOnFailure.class)
class ClusterFailureIT {

  private static final Duration REPLY = Duration.ofSeconds(10);
  /** The target is 2 s; the benchmark measures the real figure, this only bounds a busy CI machine. */
  private static final Duration OFFLINE_WITHIN = Duration.ofSeconds(6);

  /** How the nodes' event buses talk to each other. */
  enum Transport { PLAIN, TLS }

  private static ScriptedCluster cluster(Transport transport) throws Exception {
    ScriptedCluster cluster = new ScriptedCluster();
    return transport == Transport.TLS ? cluster.withTls() : cluster;
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void roomGoesOfflineEverywhereWhenItsHostNodeIsKilled(Transport transport) throws Exception {
    try (ScriptedCluster cluster = cluster(transport).start(3);
        ChatConnection ann = ChatConnection.as("ann", cluster.port(1));
        ChatConnection bob = ChatConnection.as("bob", cluster.port(2));
        ChatConnection cat = ChatConnection.as("cat", cluster.port(3))) {
      ChatConnection.roomWith("deck", ann, bob, cat);
      ann.send("CHAT:before the storm");
      bob.await("MSG:deck:ann:before the storm", REPLY);
      cat.await("MSG:deck:ann:before the storm", REPLY);

      cluster.kill(1);

      bob.await("OFFLINE:deck", OFFLINE_WITHIN);
      cat.await("OFFLINE:deck", OFFLINE_WITHIN);
      // Back in the lobby: the room is gone from LIST, its name free again.
      await().atMost(REPLY).untilAsserted(() -> bob.request("LIST", "ROOMS"));
      ChatConnection.roomWith("deck", bob, cat);
      cat.send("CHAT:still here");
      bob.await("MSG:deck:cat:still here", REPLY);
    }
  }

  @Test
  void survivorsLoseNothingWhenAnotherMembersNodeIsKilled() throws Exception {
    try (ScriptedCluster cluster = cluster(Transport.TLS).start(3);
        ChatConnection ann = ChatConnection.as("ann", cluster.port(1));
        ChatConnection bob = ChatConnection.as("bob", cluster.port(2));
        ChatConnection cat = ChatConnection.as("cat", cluster.port(3))) {
      ChatConnection.roomWith("hall", bob, cat, ann);

      // Under the default flood limit (20 lines/s per client): this test is about the kill.
      int total = 80;
      AtomicReference<Throwable> senderFailure = new AtomicReference<>();
      Thread senders = new Thread(() -> {
        try {
          for (int i = 0; i < total; i++) {
            bob.send("CHAT:b" + i);
            cat.send("CHAT:c" + i);
            Thread.sleep(60);
          }
        } catch (Throwable t) {
          senderFailure.set(t);
        }
      }, "senders");
      senders.start();
      await().atMost(REPLY).until(() -> senders.getState() == Thread.State.TIMED_WAITING);
      Thread.sleep(1_000); // let some traffic flow before the kill
      cluster.kill(1);
      senders.join(Duration.ofSeconds(60).toMillis());
      assertThat(senderFailure.get()).as("senders could keep sending").isNull();

      assertThat(collectChat(cat, "hall", "bob", total)).as("bob's lines at cat").isEqualTo(sequence("b", total));
      assertThat(collectChat(bob, "hall", "cat", total)).as("cat's lines at bob").isEqualTo(sequence("c", total));
      // The room dropped ann: no error, and the survivors are told nothing about her.
      bob.request("PING:after", "PONG:after");
      cat.request("PING:after", "PONG:after");
    }
  }

  @Test
  void killedNodeRestartsRejoinsAndItsClientsJoinRoomsElsewhere() throws Exception {
    try (ScriptedCluster cluster = cluster(Transport.TLS).start(3);
        ChatConnection ann = ChatConnection.as("ann", cluster.port(1))) {
      ann.request("CREATE:porch", "OK:CREATE:porch");
      ann.request("JOIN:porch", "OK:JOIN:porch");

      cluster.kill(3);
      cluster.restart(3);

      try (ChatConnection cat = ChatConnection.as("cat", cluster.port(3))) {
        assertThat(cat.welcome()).endsWith(":node3");
          cat.request("LIST", "ROOMS:porch");
        cat.request("JOIN:porch", "OK:JOIN:porch");
        cat.send("CHAT:back again");
        ann.await("MSG:porch:cat:back again", REPLY);
        ann.send("CHAT:welcome back");
        cat.await("MSG:porch:ann:welcome back", REPLY);
      }
    }
  }

  @Test
  void gracefulStopTellsItsClientsAndTakesItsRoomsOffline() throws Exception {
    try (ScriptedCluster cluster = cluster(Transport.TLS).start(3);
        ChatConnection ann = ChatConnection.as("ann", cluster.port(1));
        ChatConnection amy = new ChatConnection(cluster.port(1));
        ChatConnection bob = ChatConnection.as("bob", cluster.port(2))) {
      ChatConnection.roomWith("attic", ann, bob);

      cluster.terminate(1, Duration.ofSeconds(20));

      ann.await("BYE", REPLY);
      amy.await("BYE", REPLY);
      assertThat(ann.awaitClosed(REPLY)).as("ann's connection closed by the server").isTrue();
      assertThat(amy.awaitClosed(REPLY)).as("amy's connection closed by the server").isTrue();
      bob.await("OFFLINE:attic", OFFLINE_WITHIN);
      await().atMost(REPLY).untilAsserted(() -> bob.request("LIST", "ROOMS"));
      String log = cluster.log(1);
      // Hazelcast may log a migration race of its own while a loaded machine forms the cluster;
      // what must not be there is an error or a stack trace of the node's own code
      assertThat(log).as("node1 stopped without an error or a stack trace of its own")
          .doesNotContain("\tat org.sessionchat").doesNotContainPattern("(?m)^\\S+ ERROR +o\\.s\\.");
    }
  }

  private static List<String> sequence(String prefix, int count) {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      lines.add(prefix + i);
    }
    return lines;
  }

  /** The texts of {@code count} chat lines from {@code nick}, skipping everything else. */
  private static List<String> collectChat(ChatConnection client, String room, String nick, int count) throws Exception {
    String prefix = "MSG:" + room + ":" + nick + ":";
    List<String> texts = new ArrayList<>();
    List<String> others = new ArrayList<>();
    long deadline = System.nanoTime() + REPLY.toNanos();
    while (texts.size() < count && System.nanoTime() < deadline) {
      String line = client.poll(Duration.ofMillis(200));
      if (line == null) {
        continue;
      }
      deadline = System.nanoTime() + REPLY.toNanos();
      if (line.startsWith(prefix)) {
        texts.add(line.substring(prefix.length()));
      } else {
        others.add(line);
      }
    }
    assertThat(others).as("lines other than chat from %s", nick).allMatch(line -> line.startsWith("MSG:"));
    return texts;
  }
}
