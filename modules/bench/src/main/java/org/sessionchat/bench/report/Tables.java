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
        "reordered", "errors", "server CPU (cores)", "server CPU µs per delivery", "generator CPU (cores)",
        "load avg");
    for (Medians m : rows) {
      table.append(String.format(Locale.ROOT, "| %s | %d | %s/%s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |%n",
          m.system(), m.runs().size(), count(m.of("joined")), count(m.of("clients")),
          number(m.of("deliveriesPerSecond")), number(m.latency("p50")), number(m.latency("p99")),
          number(m.latency("p99_9")), number(m.latency("max")), count(m.of("lost")),
          count(m.of("duplicated")), count(m.of("reordered")), count(m.of("errors")),
          number(m.of("serverCpuCores")), number(m.of(Tables::cpuMicrosPerDelivery)),
          number(m.of("generatorCpuCores")), number(m.of("loadAverage"))));
    }
    return table.toString();
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

  /** Server CPU time per delivery in the measured window: what one delivery costs, whatever the load. */
  static double cpuMicrosPerDelivery(JsonObject run) {
    double cores = run.getDouble("serverCpuCores", -1.0);
    double deliveries = run.getDouble("deliveriesPerSecond", 0.0);
    return cores < 0 || deliveries <= 0 ? Double.NaN : cores * 1e6 / deliveries;
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
