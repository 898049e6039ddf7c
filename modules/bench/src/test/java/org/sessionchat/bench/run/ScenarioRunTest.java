package org.sessionchat.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sessionchat.bench.ScenarioSpec;
import org.sessionchat.bench.result.MemoryProbe;
import org.sessionchat.bench.result.RunResult;
import org.sessionchat.bench.result.ServerCpu;
import org.sessionchat.bench.result.ServerFootprint;

class ScenarioRunTest {

  @Test
  void everyMessageReachesEveryOtherMemberOfItsRoom() throws Exception {
    try (TinyChatServer server = new TinyChatServer(0)) {
      AtomicLong joinedAfter = new AtomicLong(-1);

      RunResult result = new ScenarioRun(spec(server, 50), options()).run(joinedAfter::set);

      assertThat(result.joined()).isEqualTo(10);
      assertThat(joinedAfter.get()).isGreaterThanOrEqualTo(0);
      assertThat(result.sent()).isGreaterThan(0);
      assertThat(result.tally().expected()).isEqualTo(result.sent() * 4);
      assertThat(result.tally().received()).isEqualTo(result.tally().expected());
      assertThat(result.tally().lost()).isZero();
      assertThat(result.tally().duplicated()).isZero();
      assertThat(result.tally().reordered()).isZero();
      assertThat(result.errors()).isZero();
      assertThat(result.deliveriesPerSecond()).isGreaterThan(0);
      assertThat(result.latencyMicros().getTotalCount()).isGreaterThan(0);
      assertThat(result.machineCpuCores()).isGreaterThan(0); // the generator and the server at least
    }
  }

  @Test
  void messagesTheServerDropsAreCountedLost() throws Exception {
    try (TinyChatServer server = new TinyChatServer(10)) {
      RunResult result = new ScenarioRun(spec(server, 50), options()).run(ms -> { });

      long dropped = result.sent() / 10;
      assertThat(result.tally().lost()).isEqualTo(dropped * 4);
      assertThat(result.tally().received()).isEqualTo(result.tally().expected() - dropped * 4);
    }
  }

  @Test
  void unlimitedRateStaysWithinTheInFlightWindowAndLosesNothing() throws Exception {
    try (TinyChatServer server = new TinyChatServer(0)) {
      RunResult result = new ScenarioRun(spec(server, 0), options()).run(ms -> { });

      assertThat(result.sent()).isGreaterThan(100);
      assertThat(result.tally().lost()).isZero();
      assertThat(result.tally().received()).isEqualTo(result.tally().expected());
    }
  }

  @Test
  void connectionsAreSpreadOverTheGeneratorsEventLoopsAndLoseNothing() throws Exception {
    try (TinyChatServer server = new TinyChatServer(0)) {
      RunOptions twoLoops = new RunOptions(2, 1000, 100, 10, 5, 0, "t", 0, 1, List.of(), 0, 0);

      RunResult result = new ScenarioRun(spec(server, 50), twoLoops).run(ms -> { });

      assertThat(result.generatorLag().eventLoops()).isEqualTo(2);
      assertThat(result.joined()).isEqualTo(10);
      assertThat(result.tally().lost()).isZero();
      assertThat(result.tally().received()).isEqualTo(result.tally().expected());
      assertThat(result.latencyMicros().getTotalCount()).isGreaterThan(0);
    }
  }

  @Test
  void connectionsAreOpenedFromEachSourceAddressInTurn() throws Exception {
    try (TinyChatServer server = new TinyChatServer(0)) {
      RunOptions twoSources = new RunOptions(1, 1000, 100, 10, 5, 0, "t", 0, 1, List.of(), 0, 0, 0, Phases.ALIGNED,
          null, List.of("127.0.0.2", "127.0.0.3"));

      RunResult result = new ScenarioRun(spec(server, 50), twoSources).run(ms -> { });

      assertThat(result.joined()).isEqualTo(10);
      assertThat(result.tally().lost()).isZero();
      assertThat(server.clientHosts()).containsOnlyKeys("127.0.0.2", "127.0.0.3").containsValues(5, 5);
    }
  }

  @Test
  void killTargetIsKilledDuringTheWindowAndLossesCountOnlyWhatWasSentBefore() throws Exception {
    Process victim = new ProcessBuilder("sleep", "60").start();
    try (TinyChatServer server = new TinyChatServer(0)) {
      RunOptions kill = new RunOptions(1, 1000, 100, 10, 5, 0, "t", 0, 1, List.of(), victim.pid(), 0);

      RunResult result = new ScenarioRun(spec(server, 50), kill).run(ms -> { });

      assertThat(victim.isAlive()).isFalse();
      assertThat(result.tally().expected()).isLessThan(result.sent() * 4);
      assertThat(result.tally().lost()).isZero();
    } finally {
      victim.destroyForcibly();
    }
  }

  @Test
  void spreadSendersLoseNothingAndTheRunMeasuresTheGeneratorsOwnLagAndWritesItsTimeline(@TempDir Path dir)
      throws Exception {
    try (TinyChatServer server = new TinyChatServer(0)) {
      Path timeline = dir.resolve("timeline.csv");
      RunOptions spread = new RunOptions(1, 1000, 100, 10, 5, 0, "t", 0, 1, List.of(), 0, 0, 0, Phases.SPREAD,
          timeline, List.of());

      RunResult result = new ScenarioRun(spec(server, 50), spread).run(ms -> { });

      assertThat(result.tally().lost()).isZero();
      assertThat(result.tally().received()).isEqualTo(result.tally().expected());
      assertThat(result.generatorLag().loopMicros().getTotalCount()).isGreaterThan(100);
      assertThat(result.generatorLag().sendMicros().getTotalCount()).isGreaterThan(10);
      List<String> rows = Files.readAllLines(timeline);
      assertThat(rows.get(0)).startsWith("epochMillis,msIntoWindow,deliveries,maxMicros");
      assertThat(rows).hasSize(1 + 1000);
      long timed = rows.stream().skip(1).mapToLong(row -> Long.parseLong(row.split(",")[2])).sum();
      assertThat(timed).isEqualTo(result.latencyMicros().getTotalCount());
    }
  }

  @Test
  void serversMemoryIsReadAfterTheWindowAndDrainWhenMembersTalk() throws Exception {
    try (TinyChatServer server = new TinyChatServer(0)) {
      MemoryReads reads = new MemoryReads();
      AtomicLong joinedAt = new AtomicLong();

      RunResult result = new ScenarioRun(spec(server, 50), withServer(), reads).run(ms -> joinedAt.set(System.nanoTime()));

      assertThat(reads.moments).containsExactly(MemoryProbe.AFTER_DRAIN);
      // the window (1 s, no warm-up) lies between the join and the reading
      assertThat(reads.at.get(0) - joinedAt.get()).isGreaterThanOrEqualTo(TimeUnit.SECONDS.toNanos(1));
      assertThat(result.server().memoryProbe()).isEqualTo(MemoryProbe.AFTER_DRAIN);
    }
  }

  @Test
  void serversMemoryIsReadOnceAllAreInWhenNobodyTalks() throws Exception {
    try (TinyChatServer server = new TinyChatServer(0)) {
      MemoryReads reads = new MemoryReads();
      ScenarioSpec idle = new ScenarioSpec("C", "tiny", "chat", List.of(server.target()), 2, 5, 0, 0, 64, 0, 1, 50);

      RunResult result = new ScenarioRun(idle, withServer(), reads).run(ms -> { });
      long end = System.nanoTime();

      assertThat(reads.moments).containsExactly(MemoryProbe.AFTER_JOIN);
      // the idle second comes after the reading
      assertThat(end - reads.at.get(0)).isGreaterThanOrEqualTo(TimeUnit.SECONDS.toNanos(1));
      assertThat(result.server().memoryProbe()).isEqualTo(MemoryProbe.AFTER_JOIN);
    }
  }

  /** Records when the run asked for the server's memory, and answers with a made-up footprint. */
  private static final class MemoryReads implements BiFunction<List<Long>, MemoryProbe, ServerFootprint> {
    final List<MemoryProbe> moments = new CopyOnWriteArrayList<>();
    final List<Long> at = new CopyOnWriteArrayList<>();

    @Override
    public ServerFootprint apply(List<Long> pids, MemoryProbe moment) {
      moments.add(moment);
      at.add(System.nanoTime());
      return new ServerFootprint(100, 50, ServerCpu.UNKNOWN, moment);
    }
  }

  private static RunOptions withServer() {
    return new RunOptions(1, 1000, 100, 10, 5, 0, "t", 0, 1, List.of(ProcessHandle.current().pid()), 0, 0);
  }

  private static ScenarioSpec spec(TinyChatServer server, double rate) {
    return new ScenarioSpec("test", "tiny", "chat", List.of(server.target()), 2, 5, 2, rate, 64, 0, 1, 50);
  }

  private static RunOptions options() {
    return new RunOptions(1, 1000, 100, 10, 5, 0, "t", 0, 1, List.of(), 0, 0);
  }
}
