package org.sessionchat.bench.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.vertx.core.json.JsonObject;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.sessionchat.bench.ScenarioSpec;
import org.sessionchat.bench.ledger.Tally;

class ResultJsonTest {

  private final ScenarioSpec spec = new ScenarioSpec("A", "ngircd", "irc", List.of("127.0.0.1:6667"),
      2, 10, 2, 100, 100, 1, 10, 200);

  @Test
  void resultLineCarriesEveryReportedFigure() {
    JsonObject json = ResultJson.toJson(result(1000, 2000, new Tally(400, 390, 10, 1, 2)), false);

    assertThat(json.getJsonObject("scenario").getString("system")).isEqualTo("ngircd");
    assertThat(json.getLong("deliveriesExpected")).isEqualTo(400);
    assertThat(json.getLong("deliveriesReceived")).isEqualTo(390);
    assertThat(json.getLong("lost")).isEqualTo(10);
    assertThat(json.getLong("duplicated")).isEqualTo(1);
    assertThat(json.getLong("reordered")).isEqualTo(2);
    assertThat(json.getJsonObject("latencyMillis").getDouble("p50")).isCloseTo(1.0, within(0.01));
    assertThat(json.getJsonObject("latencyMillis").getDouble("max")).isCloseTo(2.0, within(0.01));
    assertThat(json.getDouble("generatorCpuCores")).isCloseTo(0.5, within(0.001));
    assertThat(json.getDouble("serverCpuCores")).isCloseTo(0.8, within(0.001));
    assertThat(json.getDouble("serverSystemCpuCores")).isCloseTo(0.3, within(0.001));
    assertThat(json.getDouble("serverWriteCallsPerSecond")).isCloseTo(25_000, within(0.1));
    assertThat(json.containsKey("latencyHistogram")).isFalse();
  }

  @Test
  void resultReadBackWithItsHistogramIsTheSame() {
    RunResult original = result(1000, 5000, new Tally(400, 390, 10, 1, 2));

    RunResult read = ResultJson.fromJson(
        new JsonObject(ResultJson.toJson(original, true).encode()));

    assertThat(read.spec()).isEqualTo(spec);
    assertThat(read.tally()).isEqualTo(original.tally());
    assertThat(read.latencyMicros()).isEqualTo(original.latencyMicros());
    assertThat(read.server()).isEqualTo(original.server());
  }

  @Test
  void olderLinesWithoutTheKernelsShareReadAsNotMeasured() {
    JsonObject json = ResultJson.toJson(result(1000, 2000, new Tally(400, 390, 10, 1, 2)), false);
    json.remove("serverSystemCpuCores");
    json.remove("serverWriteCallsPerSecond");

    assertThat(ResultJson.fromJson(json).server().cpu()).isEqualTo(ServerCpu.ofCores(0.8));
  }

  @Test
  void lineSaysWhenTheServersMemoryWasReadAndOlderLinesReadItAfterTheJoin() {
    JsonObject json = ResultJson.toJson(result(1000, 2000, new Tally(400, 400, 0, 0, 0)), true);

    assertThat(json.getString("serverMemoryProbed")).isEqualTo("after-drain");
    assertThat(ResultJson.summary(ResultJson.fromJson(json))).contains("heap 40 MB (after the window and drain)");
    json.remove("serverMemoryProbed");
    assertThat(ResultJson.fromJson(json).server().memoryProbe()).isEqualTo(MemoryProbe.AFTER_JOIN);
    json.put("serverRssMegabytes", -1.0);
    assertThat(ResultJson.fromJson(json).server().memoryProbe()).isEqualTo(MemoryProbe.NONE);
  }

  @Test
  void generatorLagTravelsBetweenProcessesAndShowsInTheLine() {
    Histogram loop = LatencyHistograms.create();
    loop.recordValue(3000);
    Histogram send = LatencyHistograms.create();
    send.recordValue(7000);
    RunResult base = result(1000, 2000, new Tally(400, 400, 0, 0, 0));
    RunResult original = new RunResult(base.spec(), 1, 20, 20, 700, 40, base.tally(), 0, 0, 100.0,
        base.latencyMicros(), 5.0, 10.0, base.server(), base.startedAt(), 1.5, LatencyHistograms.create(),
        new GeneratorLag(loop, send, 2), 1.25);

    JsonObject line = ResultJson.toJson(original, false);
    RunResult read = ResultJson.fromJson(new JsonObject(ResultJson.toJson(original, true).encode()));

    assertThat(line.getJsonObject("generatorLoopLagMillis").getDouble("max")).isCloseTo(3.0, within(0.01));
    assertThat(line.getJsonObject("generatorSendLagMillis").getDouble("p99")).isCloseTo(7.0, within(0.01));
    assertThat(read.generatorLag().loopMicros()).isEqualTo(loop);
    assertThat(read.generatorLag().sendMicros()).isEqualTo(send);
    assertThat(line.getInteger("generatorEventLoops")).isEqualTo(2);
    assertThat(read.generatorLag().eventLoops()).isEqualTo(2);
    assertThat(RunResult.merge(List.of(read, read), spec, 0, 1, ServerFootprint.UNKNOWN).generatorLag().eventLoops())
        .isEqualTo(4);
    assertThat(RunResult.merge(List.of(read, read), spec, 0, 1, ServerFootprint.UNKNOWN)
        .generatorLag().loopMicros().getTotalCount()).isEqualTo(2);
    assertThat(ResultJson.summary(original)).contains("generator's own lag", "event loops p50 3.00",
        "machine CPU in the window 1.25 cores");
    assertThat(read.machineCpuCores()).isEqualTo(1.25);
  }

  @Test
  void mergedResultAddsCountsAndCombinesLatency() {
    RunResult fast = result(1000, 1000, new Tally(100, 100, 0, 0, 0));
    RunResult slow = result(9000, 9000, new Tally(200, 190, 10, 0, 0));

    RunResult merged = RunResult.merge(List.of(fast, slow), spec, 1.0, 10.0, ServerFootprint.UNKNOWN);

    assertThat(merged.processes()).isEqualTo(2);
    assertThat(merged.clients()).isEqualTo(40);
    assertThat(merged.tally()).isEqualTo(new Tally(300, 290, 10, 0, 0));
    assertThat(merged.latencyMicros().getTotalCount()).isEqualTo(4);
    assertThat(merged.maxLatencyMillis()).isCloseTo(9.0, within(0.01));
    assertThat(merged.connectJoinMillis()).isEqualTo(700);
    assertThat(merged.cpuSeconds()).isCloseTo(11.0, within(0.001));
    assertThat(merged.deliveriesPerSecond()).isCloseTo(200.0, within(0.001));
  }

  @Test
  void humanSummaryNamesScenarioAndLosses() {
    String summary = ResultJson.summary(result(1000, 2000, new Tally(400, 390, 10, 1, 2)));

    assertThat(summary).contains("A [ngircd] irc", "deliveries 390/400", "lost 10 dup 1 reordered 2");
  }

  private RunResult result(long fastMicros, long slowMicros, Tally tally) {
    Histogram latency = LatencyHistograms.create();
    latency.recordValue(fastMicros);
    latency.recordValue(slowMicros);
    return new RunResult(spec, 1, 20, 20, 700, 40, tally, 0, 0, 100.0, latency, 5.0, 10.0,
        new ServerFootprint(120, 40, new ServerCpu(0.8, 0.3, 25_000), MemoryProbe.AFTER_DRAIN), "2026-01-01T00:00:00Z", 1.5, LatencyHistograms.create());
  }
}
