package org.sessionchat.chat.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The flood-control stage alone, on a hand-driven clock: delays, order, holds, the flood timeout. */
class FloodGateTest {

  private static final long MILLI = 1_000_000L;

  private final ManualTime time = new ManualTime();
  private final List<Integer> passed = new ArrayList<>();
  private final List<String> events = new ArrayList<>();
  private final LimitCounters counters = new LimitCounters();

  private FloodGate<Integer> gate(double perSecond, int burst, Duration floodTimeout) {
    FloodGate.Source source = new FloodGate.Source() {
      @Override
      public void hold() {
        events.add("hold");
      }

      @Override
      public void release() {
        events.add("release");
      }

      @Override
      public void saturated() {
        events.add("saturated");
      }
    };
    return new FloodGate<>(new RateLimit(perSecond, burst, floodTimeout), time::now, time, source, passed::add,
        counters);
  }

  @Test
  void aPasteOfThreeHundredLinesPassesWholeAndInOrderAtTheRate() {
    FloodGate<Integer> gate = gate(20, 40, Duration.ofSeconds(60));
    IntStream.rangeClosed(1, 300).forEach(gate::offer);
    assertThat(passed).hasSize(40);
    assertThat(events).containsExactly("hold");
    assertThat(counters.waitingLines()).isEqualTo(260);
    assertThat(counters.heldConnections()).isOne();

    time.runFor(12_900 * MILLI);
    assertThat(passed).hasSizeLessThan(300);
    time.runFor(200 * MILLI);
    assertThat(passed).containsExactlyElementsOf(IntStream.rangeClosed(1, 300).boxed().toList());
    assertThat(events).containsExactly("hold", "release");
    assertThat(counters.delayedLines()).isEqualTo(260);
    assertThat(counters.waitingLines()).isZero();
    assertThat(counters.heldConnections()).isZero();
    assertThat(counters.heldSeconds()).isBetween(12.9, 13.1);
  }

  @Test
  void whileLinesWaitANewLineQueuesBehindThemEvenIfATokenIsThere() {
    FloodGate<Integer> gate = gate(10, 1, Duration.ZERO);
    gate.offer(1);
    gate.offer(2);
    time.advance(150 * MILLI); // a token is due but the timer has not run yet
    gate.offer(3);
    time.runFor(500 * MILLI);
    assertThat(passed).containsExactly(1, 2, 3);
  }

  @Test
  void aClientOverTheRateWithoutABreakIsSaturatedAfterTheFloodTimeout() {
    FloodGate<Integer> gate = gate(10, 5, Duration.ofSeconds(3));
    int line = 0;
    for (int step = 0; step < 50 && !events.contains("saturated"); step++) {
      for (int i = 0; i < 20; i++) {
        gate.offer(++line); // 20 lines in each 100 ms of reading: twenty times the rate
      }
      time.runFor(100 * MILLI);
      if (!gate.isHeld()) {
        continue;
      }
      time.runUntil(() -> !gate.isHeld() || events.contains("saturated"), 10_000 * MILLI);
    }
    assertThat(events).endsWith("saturated");
    assertThat(time.now()).isBetween(3_000 * MILLI, 3_300 * MILLI);
    gate.offer(++line);
    assertThat(passed).as("nothing passes once saturated").doesNotContain(line);
    assertThat(counters.heldConnections()).isZero();
    assertThat(counters.waitingLines()).isZero();
  }

  @Test
  void aBreakOfASecondStartsTheFloodClockAgain() {
    FloodGate<Integer> gate = gate(10, 10, Duration.ofSeconds(3));
    for (int round = 0; round < 4; round++) {
      IntStream.range(0, 20).forEach(i -> gate.offer(i)); // 2 s of lines at the rate, held 1 s
      time.runFor(2_100 * MILLI);
    }
    assertThat(events).doesNotContain("saturated");
    assertThat(passed).hasSize(80);
  }

  @Test
  void closingDropsWhatWaitsAndStopsTheTimer() {
    FloodGate<Integer> gate = gate(1, 1, Duration.ZERO);
    IntStream.rangeClosed(1, 5).forEach(gate::offer);
    gate.close();
    time.runFor(10_000 * MILLI);
    assertThat(passed).containsExactly(1);
    assertThat(counters.waitingLines()).isZero();
    assertThat(counters.heldConnections()).isZero();
    assertThat(events).containsExactly("hold");
  }

  /** A clock and a scheduler that move only when told to. */
  private static final class ManualTime implements FloodGate.Scheduler {
    private record Task(long at, long order, Runnable run) {
    }

    private final PriorityQueue<Task> tasks = new PriorityQueue<>(
        (a, b) -> a.at() != b.at() ? Long.compare(a.at(), b.at()) : Long.compare(a.order(), b.order()));
    private long now = 1_000 * MILLI;
    private long start = now;
    private long scheduled;

    long now() {
      return now - start;
    }

    void advance(long nanos) {
      now += nanos;
    }

    @Override
    public void after(long delayMillis, Runnable task) {
      tasks.add(new Task(now + delayMillis * MILLI, scheduled++, task));
    }

    void runFor(long nanos) {
      long until = now + nanos;
      while (!tasks.isEmpty() && tasks.peek().at() <= until) {
        Task next = tasks.poll();
        now = Math.max(now, next.at());
        next.run().run();
      }
      now = until;
    }

    void runUntil(java.util.function.BooleanSupplier done, long maxNanos) {
      long until = now + maxNanos;
      while (!done.getAsBoolean() && !tasks.isEmpty() && tasks.peek().at() <= until) {
        Task next = tasks.poll();
        now = Math.max(now, next.at());
        next.run().run();
      }
    }
  }
}
