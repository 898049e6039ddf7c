package org.sessionchat.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.sessionchat.chat.wire.Names;
import org.sessionchat.session.testkit.ClusteredVertxNodes;

class GuestNamesTest {

  @Test
  void twoNodesNeverHandOutTheSameGuestName() {
    try (ClusteredVertxNodes cluster = ClusteredVertxNodes.start(2)) {
      GuestNames first = new GuestNames(cluster.node(0));
      GuestNames second = new GuestNames(cluster.node(1));
      Set<String> names = new HashSet<>();
      for (int i = 0; i < 40; i++) { // one after the other, as connections come
        names.add(ClusteredVertxNodes.await(first.next("node1"), 30));
        names.add(ClusteredVertxNodes.await(second.next("node2"), 30));
      }
      assertThat(names).hasSize(80);
      // on a machine so loaded that the counter misses its 2 s, some are node-qualified: still unique
      assertThat(names.stream().filter(n -> n.matches("guest-\\d+")).count()).as("names from the counter in %s", names)
          .isGreaterThanOrEqualTo(40);
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

  /**
   * The nick server and connections go on with their own state when the name comes: it must
   * come on the context that asked, not on the one that looked the counter up.
   */
  @Test
  void aNameComesOnTheContextThatAskedForIt() throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      Context lookedUpOn = vertx.getOrCreateContext();
      GuestNames shared = ClusteredVertxNodes.await(onContext(lookedUpOn, () -> new GuestNames(vertx)), 5);
      Context elsewhere = vertx.getOrCreateContext();
      Promise<Long> drawnLater = Promise.promise();
      GuestNames late = new GuestNames(drawnLater::future);

      CompletableFuture<Context> sharedAnswer = answeredOn(elsewhere, shared);
      CompletableFuture<Context> lateAnswer = answeredOn(elsewhere, late);
      lookedUpOn.runOnContext(v -> drawnLater.complete(7L));

      assertThat(sharedAnswer.get(5, TimeUnit.SECONDS)).isSameAs(elsewhere);
      assertThat(lateAnswer.get(5, TimeUnit.SECONDS)).isSameAs(elsewhere);
    } finally {
      ClusteredVertxNodes.await(vertx.close(), 15);
    }
  }

  private static CompletableFuture<Context> answeredOn(Context context, GuestNames names) {
    CompletableFuture<Context> answered = new CompletableFuture<>();
    context.runOnContext(v -> names.next("node1").onComplete(named -> answered.complete(Vertx.currentContext())));
    return answered;
  }

  private static <T> Future<T> onContext(Context context, Supplier<T> made) {
    Promise<T> result = Promise.promise();
    context.runOnContext(v -> result.complete(made.get()));
    return result.future();
  }
}
