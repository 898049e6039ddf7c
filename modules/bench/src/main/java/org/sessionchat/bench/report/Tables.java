package org.sessionchat.bench.report;

import static org.sessionchat.bench.report.BenchReport.number;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The Markdown tables of the benchmark page, one kind per scenario kind. */
final class Tables {

  private Tables() {
  }

  static String messaging(String scenario, List<Medians> rows) {
    StringBuilder table = heading("Scenario " + scenario,
        "system", "runs", "joined", "deliveries/s", "p50 ms", "p99 ms", "p99.9 ms", "max ms", "lost", "dup",
        "reordered", "errors", "server CPU (cores)", "server CPU µs per delivery", "of it in the kernel, µs",
        "server socket writes per 100 deliveries", "generator CPU (cores)",
        "generator loop lag p99 ms", "load avg");
    for (Medians m : rows) {
      table.append(String.format(Locale.ROOT, "| %s | %d | %s/%s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |%n",
          m.system(), m.runs().size(), count(m.of("joined")), count(m.of("clients")),
          number(m.of("deliveriesPerSecond")), number(m.latency("p50")), number(m.latency("p99")),
          number(m.latency("p99_9")), number(m.latency("max")), count(m.of("lost")),
          count(m.of("duplicated")), count(m.of("reordered")), count(m.of("errors")),
          number(m.of("serverCpuCores")), number(m.of(Tables::cpuMicrosPerDelivery)),
          number(m.of(Tables::kernelMicrosPerDelivery)), number(m.of(Tables::writesPerHundredDeliveries)),
          number(m.of("generatorCpuCores")), number(m.of(Tables::generatorLoopLagP99)), number(m.of("loadAverage"))));
    }
    return table.toString();
  }

  /** How late the generator's own event loops ran (p99, ms); NaN for lines written before it was measured. */
  static double generatorLoopLagP99(JsonObject run) {
    JsonObject lag = run.getJsonObject("generatorLoopLagMillis");
    return lag == null || lag.getLong("count", 0L) == 0 ? Double.NaN : lag.getDouble("p99");
  }

  static String idle(String scenario, List<Medians> rows) {
    StringBuilder table = heading("Scenario " + scenario,
        "system", "runs", "clients joined", "connect+join s", "clients/s", "server RSS MB",
        "server heap after GC MB", "errors", "generator processes", "load avg");
    for (Medians m : rows) {
      double seconds = m.of("connectJoinMillis") / 1000;
      table.append(String.format(Locale.ROOT, "| %s | %d | %s/%s | %s | %s | %s | %s | %s | %s | %s |%n",
          m.system(), m.runs().size(), count(m.of("joined")), count(m.of("clients")), number(seconds),
          number(m.of("joined") / seconds), number(m.of("serverRssMegabytes")),
          number(m.of("serverHeapUsedMegabytes")), count(m.of("errors")), count(m.of("processes")),
          number(m.of("loadAverage"))));
    }
    return table.toString();
  }

  /** A scenario with a server killed under load (G): who was told, how fast, what was lost. */
  static String failover(String scenario, List<Medians> rows) {
    StringBuilder table = heading("Scenario " + scenario,
        "system", "runs", "clients", "told OFFLINE", "OFFLINE after kill p50 ms", "p99 ms", "max ms",
        "deliveries expected (survivors, sent before the kill)", "lost", "dup", "reordered",
        "errors (incl. clients of the killed node)");
    for (Medians m : rows) {
      table.append(String.format(Locale.ROOT, "| %s | %d | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |%n",
          m.system(), m.runs().size(), count(m.of("joined")), count(m.of("offline")),
          number(m.of(run -> offlineAfterKill(run, "p50"))), number(m.of(run -> offlineAfterKill(run, "p99"))),
          number(m.of(run -> offlineAfterKill(run, "max"))), count(m.of("deliveriesExpected")),
          count(m.of("lost")), count(m.of("duplicated")), count(m.of("reordered")), count(m.of("errors"))));
    }
    return table.toString();
  }

  private static double offlineAfterKill(JsonObject run, String figure) {
    JsonObject offline = run.getJsonObject("offlineAfterKillMillis");
    return offline == null || offline.getLong("count", 0L) == 0 ? Double.NaN : offline.getDouble(figure);
  }

  /** Scenario E: monitor off against monitor on, for every scenario that has both. */
  static String monitorCost(Map<String, Map<String, Medians>> byScenario) {
    StringBuilder table = heading("Scenario E: monitor on vs off",
        "scenario", "deliveries/s on", "deliveries/s off", "on / off", "p99 ms on", "p99 ms off");
    int rows = 0;
    for (Map.Entry<String, Map<String, Medians>> scenario : byScenario.entrySet()) {
      Medians on = scenario.getValue().get("chat-on");
      Medians off = scenario.getValue().get("chat-off");
      if (on == null || off == null || on.of("deliveriesPerSecond") == 0) {
        continue;
      }
      double ratio = on.of("deliveriesPerSecond") / off.of("deliveriesPerSecond");
      table.append(String.format(Locale.ROOT, "| %s | %s | %s | %.1f %% | %s | %s |%n", scenario.getKey(),
          number(on.of("deliveriesPerSecond")), number(off.of("deliveriesPerSecond")), ratio * 100,
          number(on.latency("p99")), number(off.latency("p99"))));
      rows++;
    }
    return rows == 0 ? "" : table.toString();
  }

  /** Systems that are session-chat (this build) and the peers it is held against. */
  static final List<String> OURS = List.of("chat-on", "chat-irc-on");
  static final List<String> PEERS = List.of("ngircd", "inspircd");

  /**
   * Each of our monitored systems against the better peer on each figure (the peer with more
   * deliveries/s, with less CPU per delivery, with the lower p99), per messaging scenario.
   */
  static String versusPeers(Map<String, Map<String, Medians>> byScenario) {
    StringBuilder table = heading("Against the better peer on each figure",
        "scenario", "system", "deliveries/s", "better peer", "ratio", "CPU µs per delivery", "better peer",
        "ratio", "p99 ms", "better peer", "ratio");
    int rows = 0;
    for (Map.Entry<String, Map<String, Medians>> scenario : byScenario.entrySet()) {
      List<Medians> peers = PEERS.stream().map(scenario.getValue()::get).filter(java.util.Objects::nonNull).toList();
      if (peers.isEmpty()) {
        continue;
      }
      for (String system : OURS) {
        Medians ours = scenario.getValue().get(system);
        if (ours == null || Double.isNaN(ours.latency("p99"))) {
          continue;
        }
        Best rate = Best.of(peers, m -> m.of("deliveriesPerSecond"), true);
        Best cpu = Best.of(peers, m -> m.of(Tables::cpuMicrosPerDelivery), false);
        Best p99 = Best.of(peers, m -> m.latency("p99"), false);
        double ourRate = ours.of("deliveriesPerSecond");
        double ourCpu = ours.of(Tables::cpuMicrosPerDelivery);
        double ourP99 = ours.latency("p99");
        table.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |%n",
            scenario.getKey(), system, number(ourRate), rate.label(), ratio(ourRate, rate.value()),
            number(ourCpu), cpu.label(), ratio(ourCpu, cpu.value()),
            number(ourP99), p99.label(), ratio(ourP99, p99.value())));
        rows++;
      }
    }
    return rows == 0 ? "" : table.toString();
  }

  /** This build against the baseline build (systems {@code base-on}/{@code base-off}), per scenario. */
  static String versusBaseline(Map<String, Map<String, Medians>> byScenario) {
    StringBuilder table = heading("This build against the baseline build",
        "scenario", "monitor", "deliveries/s this / baseline", "ratio", "connect+join s this / baseline", "ratio",
        "heap after GC MB this / baseline");
    int rows = 0;
    for (Map.Entry<String, Map<String, Medians>> scenario : byScenario.entrySet()) {
      for (String monitor : List.of("on", "off")) {
        Medians now = scenario.getValue().get("chat-" + monitor);
        Medians base = scenario.getValue().get("base-" + monitor);
        if (now == null || base == null) {
          continue;
        }
        double rateNow = now.of("deliveriesPerSecond");
        double rateBase = base.of("deliveriesPerSecond");
        double joinNow = now.of("connectJoinMillis") / 1000;
        double joinBase = base.of("connectJoinMillis") / 1000;
        table.append(String.format(Locale.ROOT, "| %s | %s | %s / %s | %s | %s / %s | %s | %s / %s |%n",
            scenario.getKey(), monitor, number(rateNow), number(rateBase), ratio(rateNow, rateBase),
            number(joinNow), number(joinBase), ratio(joinNow, joinBase),
            number(now.of("serverHeapUsedMegabytes")), number(base.of("serverHeapUsedMegabytes"))));
        rows++;
      }
    }
    return rows == 0 ? "" : table.toString();
  }

  /** The peer that is best on one figure, and its value. */
  private record Best(String system, double value) {

    static Best of(List<Medians> peers, java.util.function.ToDoubleFunction<Medians> figure, boolean higher) {
      Best best = new Best("-", Double.NaN);
      for (Medians peer : peers) {
        double v = figure.applyAsDouble(peer);
        if (!Double.isNaN(v) && (Double.isNaN(best.value) || (higher ? v > best.value : v < best.value))) {
          best = new Best(peer.system(), v);
        }
      }
      return best;
    }

    String label() {
      return number(value) + " (" + system + ")";
    }
  }

  private static String ratio(double ours, double theirs) {
    return Double.isNaN(ours) || Double.isNaN(theirs) || theirs == 0 ? "-"
        : String.format(Locale.ROOT, "%.2f ×", ours / theirs);
  }

  /** Server CPU time per delivery in the measured window: what one delivery costs, whatever the load. */
  static double cpuMicrosPerDelivery(JsonObject run) {
    double cores = run.getDouble("serverCpuCores", -1.0);
    double deliveries = run.getDouble("deliveriesPerSecond", 0.0);
    return cores < 0 || deliveries <= 0 ? Double.NaN : cores * 1e6 / deliveries;
  }

  /** The kernel's share of {@link #cpuMicrosPerDelivery}; NaN for lines written before it was measured. */
  static double kernelMicrosPerDelivery(JsonObject run) {
    return perDelivery(run, "serverSystemCpuCores", 1e6);
  }

  /** The server's write system calls per 100 deliveries: how many deliveries one socket write carries. */
  static double writesPerHundredDeliveries(JsonObject run) {
    return perDelivery(run, "serverWriteCallsPerSecond", 100);
  }

  private static double perDelivery(JsonObject run, String field, double scale) {
    double value = run.getDouble(field, -1.0);
    double deliveries = run.getDouble("deliveriesPerSecond", 0.0);
    return value < 0 || deliveries <= 0 ? Double.NaN : value * scale / deliveries;
  }

  /** A scenario's heading and the header rows of its table. */
  private static StringBuilder heading(String title, String... columns) {
    return new StringBuilder(String.format("%n#### %s%n%n| %s |%n|%s%n", title, String.join(" | ", columns),
        "---|".repeat(columns.length)));
  }

  private static String count(double v) {
    return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%,.0f", v);
  }
}
