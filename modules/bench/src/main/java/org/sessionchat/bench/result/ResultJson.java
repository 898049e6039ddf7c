package org.sessionchat.bench.result;

import io.vertx.core.json.JsonObject;
import org.HdrHistogram.Histogram;
import org.sessionchat.bench.ScenarioSpec;
import org.sessionchat.bench.ledger.Tally;

/**
 * A {@link RunResult} as one JSON line: flat, readable figures for people and the report,
 * plus (between processes only) the full histogram so medians and merges stay exact.
 */
public final class ResultJson {

  private static final String HISTOGRAM = "latencyHistogram";
  private static final String OFFLINE_HISTOGRAM = "offlineAfterKillHistogram";
  private static final String LOOP_LAG_HISTOGRAM = "generatorLoopLagHistogram";
  private static final String SEND_LAG_HISTOGRAM = "generatorSendLagHistogram";

  private ResultJson() {
  }

  public static JsonObject toJson(RunResult r, boolean withHistogram) {
    JsonObject json = new JsonObject()
        .put("scenario", r.spec().toJson())
        .put("startedAt", r.startedAt())
        .put("processes", r.processes())
        .put("clients", r.clients())
        .put("joined", r.joined())
        .put("connectJoinMillis", r.connectJoinMillis())
        .put("sent", r.sent())
        .put("deliveriesExpected", r.tally().expected())
        .put("deliveriesReceived", r.tally().received())
        .put("deliveriesPerSecond", round(r.deliveriesPerSecond()))
        .put("latencyMillis", new JsonObject()
            .put("count", r.latencyMicros().getTotalCount())
            .put("p50", round(r.latencyMillis(50)))
            .put("p90", round(r.latencyMillis(90)))
            .put("p99", round(r.latencyMillis(99)))
            .put("p99_9", round(r.latencyMillis(99.9)))
            .put("max", round(r.maxLatencyMillis())))
        .put("lost", r.tally().lost())
        .put("duplicated", r.tally().duplicated())
        .put("reordered", r.tally().reordered())
        .put("errors", r.errors())
        .put("offline", r.offline())
        .put("generatorCpuSeconds", round(r.cpuSeconds()))
        .put("wallSeconds", round(r.wallSeconds()))
        .put("generatorCpuCores", round(r.cpuCores()))
        .put("serverRssMegabytes", round(r.server().rssMegabytes()))
        .put("serverHeapUsedMegabytes", round(r.server().heapUsedMegabytes()))
        .put("serverMemoryProbed", r.server().memoryProbe().jsonName())
        .put("serverCpuCores", round(r.server().cpuCores()))
        .put("serverSystemCpuCores", round(r.server().cpu().systemCores()))
        .put("serverWriteCallsPerSecond", round(r.server().cpu().writeCallsPerSecond()))
        .put("machineCpuCores", round(r.machineCpuCores()))
        .put("loadAverage", round(r.loadAverage()))
        .put("offlineAfterKillMillis", new JsonObject()
            .put("count", r.offlineAfterKillMicros().getTotalCount())
            .put("p50", round(RunResult.millis(r.offlineAfterKillMicros(), 50)))
            .put("p99", round(RunResult.millis(r.offlineAfterKillMicros(), 99)))
            .put("max", round(RunResult.millis(r.offlineAfterKillMicros(), 100))))
        .put("generatorLoopLagMillis", lagJson(r.generatorLag().loopMicros()))
        .put("generatorSendLagMillis", lagJson(r.generatorLag().sendMicros()))
        .put("generatorEventLoops", r.generatorLag().eventLoops());
    if (withHistogram) {
      json.put(HISTOGRAM, LatencyHistograms.encode(r.latencyMicros()));
      json.put(OFFLINE_HISTOGRAM, LatencyHistograms.encode(r.offlineAfterKillMicros()));
      json.put(LOOP_LAG_HISTOGRAM, LatencyHistograms.encode(r.generatorLag().loopMicros()));
      json.put(SEND_LAG_HISTOGRAM, LatencyHistograms.encode(r.generatorLag().sendMicros()));
    }
    return json;
  }

  /** Reads a result; without an encoded histogram the latency histogram is empty. */
  public static RunResult fromJson(JsonObject json) {
    Histogram latency = histogram(json, HISTOGRAM);
    Tally tally = new Tally(json.getLong("deliveriesExpected"), json.getLong("deliveriesReceived"),
        json.getLong("lost"), json.getLong("duplicated"), json.getLong("reordered"));
    return new RunResult(ScenarioSpec.fromJson(json.getJsonObject("scenario")),
        json.getInteger("processes"), json.getInteger("clients"), json.getInteger("joined"),
        json.getLong("connectJoinMillis"), json.getLong("sent"), tally, json.getLong("errors"),
        json.getLong("offline"), json.getDouble("deliveriesPerSecond"), latency,
        json.getDouble("generatorCpuSeconds"), json.getDouble("wallSeconds"),
        new ServerFootprint(json.getDouble("serverRssMegabytes"),
            json.getDouble("serverHeapUsedMegabytes"), new ServerCpu(json.getDouble("serverCpuCores", -1.0),
                json.getDouble("serverSystemCpuCores", -1.0), json.getDouble("serverWriteCallsPerSecond", -1.0)),
            MemoryProbe.fromJsonName(json.getString("serverMemoryProbed"), json.getDouble("serverRssMegabytes", -1.0) >= 0)),
        json.getString("startedAt"), json.getDouble("loadAverage", -1.0), histogram(json, OFFLINE_HISTOGRAM),
        new GeneratorLag(histogram(json, LOOP_LAG_HISTOGRAM), histogram(json, SEND_LAG_HISTOGRAM),
            json.getInteger("generatorEventLoops", 0)),
        json.getDouble("machineCpuCores", -1.0));
  }

  private static JsonObject lagJson(Histogram micros) {
    return new JsonObject()
        .put("count", micros.getTotalCount())
        .put("p50", round(RunResult.millis(micros, 50)))
        .put("p99", round(RunResult.millis(micros, 99)))
        .put("p99_9", round(RunResult.millis(micros, 99.9)))
        .put("max", round(RunResult.millis(micros, 100)));
  }

  private static Histogram histogram(JsonObject json, String key) {
    return json.containsKey(key) ? LatencyHistograms.decode(json.getString(key)) : LatencyHistograms.create();
  }

  /** Two human lines: what ran and what came out. */
  public static String summary(RunResult r) {
    ScenarioSpec s = r.spec();
    return String.format(
        "%s [%s] %s: %d rooms x %d members, %d senders x %s msg/s, %d B, %d s (+%d s warm-up), %d process(es)%n"
            + "  clients %d/%d joined in %.2f s | sent %d | deliveries %d/%d, %.0f/s | latency ms p50 %.2f p99 %.2f"
            + " p99.9 %.2f max %.2f | lost %d dup %d reordered %d errors %d offline %d | generator CPU %.2f cores%s"
            + " | load average %.1f%s%s%s",
        s.name(), s.system(), s.protocol(), s.rooms(), s.members(), s.senders(),
        s.rate() == 0 ? "max" : String.valueOf(s.rate()), s.size(), s.durationSeconds(),
        s.warmupSeconds(), r.processes(),
        r.joined(), r.clients(), r.connectJoinMillis() / 1000.0, r.sent(), r.tally().received(),
        r.tally().expected(), r.deliveriesPerSecond(), r.latencyMillis(50), r.latencyMillis(99),
        r.latencyMillis(99.9), r.maxLatencyMillis(), r.tally().lost(), r.tally().duplicated(),
        r.tally().reordered(), r.errors(), r.offline(), r.cpuCores(), footprint(r.server()),
        r.loadAverage(), machine(r), offlineAfterKill(r), generatorLag(r));
  }

  private static String machine(RunResult r) {
    return r.machineCpuCores() < 0 ? "" : String.format(", machine CPU in the window %.2f cores", r.machineCpuCores());
  }

  private static String generatorLag(RunResult r) {
    Histogram loop = r.generatorLag().loopMicros();
    Histogram send = r.generatorLag().sendMicros();
    if (loop.getTotalCount() == 0 && send.getTotalCount() == 0) {
      return "";
    }
    return String.format("%n  generator's own lag, ms: event loops p50 %.2f p99 %.2f p99.9 %.2f max %.2f"
            + " | sends behind schedule p99 %.2f max %.2f",
        RunResult.millis(loop, 50), RunResult.millis(loop, 99), RunResult.millis(loop, 99.9), RunResult.millis(loop, 100),
        RunResult.millis(send, 99), RunResult.millis(send, 100));
  }

  private static String offlineAfterKill(RunResult r) {
    Histogram h = r.offlineAfterKillMicros();
    return h.getTotalCount() == 0 ? "" : String.format("%n  after the kill: %d clients told OFFLINE, ms p50 %.1f p99 %.1f max %.1f",
        h.getTotalCount(), RunResult.millis(h, 50), RunResult.millis(h, 99), RunResult.millis(h, 100));
  }

  private static String footprint(ServerFootprint server) {
    if (server.rssMegabytes() < 0) {
      return "";
    }
    return String.format(" | server RSS %.0f MB heap %s (%s) CPU %s", server.rssMegabytes(),
        server.heapUsedMegabytes() < 0 ? "n/a" : String.format("%.0f MB", server.heapUsedMegabytes()),
        server.memoryProbe().words(),
        server.cpuCores() < 0 ? "n/a" : String.format("%.2f cores", server.cpuCores()));
  }

  private static double round(double value) {
    return Math.round(value * 1000) / 1000.0;
  }
}
