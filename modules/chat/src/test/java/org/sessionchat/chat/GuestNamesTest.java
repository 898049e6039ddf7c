package org.sessionchat.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sessionchat.chat.wire.Names;
import org.sessionchat.session.testkit.ClusteredVertxNodes;

class GuestNamesTest {

  @Test
  void twoNodesNeverHandOutTheSameGuestName() {
    try (ClusteredVertxNodes cluster = ClusteredVertxNodes.start(2)) {
      GuestNames first = new GuestNames(cluster.node(0));
      GuestNames second = new GuestNames(cluster.node(1));
      List<Future<String>> drawn = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        drawn.add(first.next("node1"));
        drawn.add(second.next("node2"));
      }
      Set<String> names = new HashSet<>();
      for (Future<String> name : drawn) {
        names.add(ClusteredVertxNodes.await(name, 30));
      }
      assertThat(names).hasSize(80).allMatch(n -> n.matches("guest-\\d+"));
    }
  }

  @Test
  void withoutTheCounterAGuestGetsANodeQualifiedNameAtOnce() {
    GuestNames broken = new GuestNames(() -> Future.failedFuture("partitioned"));
    assertThat(ClusteredVertxNodes.await(broken.next("node 1/x"), 5)).isEqualTo("guest-node_1_x.1");
    assertThat(ClusteredVertxNodes.await(broken.next("node 1/x"), 5)).isEqualTo("guest-node_1_x.2");
    GuestNames longName = new GuestNames(() -> Future.failedFuture("down"));
    String name = ClusteredVertxNodes.await(longName.next("n".repeat(100)), 5);
    assertThat(Names.isValid(name)).as(name).isTrue();
    assertThat(name).endsWith(".1");
  }

  @Test
  void aCounterThatDoesNotAnswerIsNotWaitedForLong() {
    Vertx vertx = Vertx.vertx();
    try {
      GuestNames slow = new GuestNames(() -> vertx.timer(8, java.util.concurrent.TimeUnit.SECONDS).map(fired -> 1L));
      long started = System.nanoTime();
      assertThat(ClusteredVertxNodes.await(slow.next("node1"), 10)).isEqualTo("guest-node1.1");
      long waitedMillis = (System.nanoTime() - started) / 1_000_000;
      assertThat(waitedMillis).isBetween(GuestNames.TIMEOUT_MILLIS - 100, 7_000L);
    } finally {
      ClusteredVertxNodes.await(vertx.close(), 15);
    }
  }
}
