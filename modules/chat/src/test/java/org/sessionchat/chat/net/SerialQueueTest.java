package org.sessionchat.chat.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SerialQueueTest {

  private final List<String> events = new ArrayList<>();
  private final SerialQueue queue = new SerialQueue(3, () -> events.add("full"), () -> events.add("drained"));

  @Test
  void startsATaskOnlyAfterThePreviousOneCompleted() {
    Promise<Void> first = Promise.promise();
    queue.submit(() -> {
      events.add("first");
      return first.future();
    });
    queue.submit(() -> {
      events.add("second");
      return Future.succeededFuture();
    });
    assertThat(events).containsExactly("first");
    first.complete();
    assertThat(events).containsExactly("first", "second");
    assertThat(queue.size()).isZero();
  }

  @Test
  void runsTasksThatCompleteAtOnceWithoutGrowingTheStack() {
    Promise<Void> gate = Promise.promise();
    queue.submit(gate::future);
    int[] ran = {0};
    for (int i = 0; i < 100_000; i++) {
      queue.submit(() -> {
        ran[0]++;
        return Future.succeededFuture();
      });
    }
    gate.complete();
    assertThat(ran[0]).isEqualTo(100_000);
  }

  @Test
  void signalsFullAtTheHighWaterMarkAndDrainedWhenEmpty() {
    Promise<Void> gate = Promise.promise();
    queue.submit(gate::future);
    queue.submit(Future::succeededFuture);
    assertThat(events).isEmpty();
    queue.submit(Future::succeededFuture);
    queue.submit(Future::succeededFuture);
    assertThat(events).containsExactly("full");
    gate.complete();
    assertThat(events).containsExactly("full", "drained");
  }

  @Test
  void goesOnAfterATaskFailsOrThrows() {
    queue.submit(() -> Future.failedFuture("boom"));
    queue.submit(() -> {
      throw new IllegalStateException("bug");
    });
    queue.submit(() -> {
      events.add("after");
      return Future.succeededFuture();
    });
    assertThat(events).containsExactly("after");
  }
}
