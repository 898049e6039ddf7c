package org.sessionchat.bench.report;

import static org.sessionchat.bench.report.BenchReport.number;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The Markdown tables of the benchmark page, one kind per scenario kind. */
final class Tables {

  private Tables() {
  }

  static String messaging(String scenario, List<Medians> rows) {
    StringBuilder table = new StringBuilder(String.format("%n#### Scenario %s%n%n", scenario));
    table.append("| system | runs | joined | deliveries/s | p50 ms | p99 ms | p99.9 ms | max ms | lost | dup | reordered | errors | server CPU (cores) | generator CPU (cores) | load avg |\n");
    table.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
    for (Medians m : rows) {
      table.append(String.format(Locale.ROOT, "| %s | %d | %s/%s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |%n",
          m.system(), m.runs().size(), count(m.of("joined")), count(m.of("clients")),
          number(m.of("deliveriesPerSecond")), number(m.latency("p50")), number(m.latency("p99")),
          number(m.latency("p99_9")), number(m.latency("max")), count(m.of("lost")),
          count(m.of("duplicated")), count(m.of("reordered")), count(m.of("errors")),
          number(m.of("serverCpuCores")), number(m.of("generatorCpuCores")), number(m.of("loadAverage"))));
    }
    return table.toString();
  }

  static String idle(String scenario, List<Medians> rows) {
    StringBuilder table = new StringBuilder(String.format("%n#### Scenario %s%n%n", scenario));
    table.append("| system | runs | clients joined | connect+join s | clients/s | server RSS MB | server heap after GC MB | errors | generator processes | load avg |\n");
    table.append("|---|---|---|---|---|---|---|---|---|---|\n");
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

  /** Scenario E: monitor off against monitor on, for every scenario that has both. */
  static String monitorCost(Map<String, Map<String, Medians>> byScenario) {
    StringBuilder table = new StringBuilder(String.format("%n#### Scenario E: monitor on vs off%n%n"));
    table.append("| scenario | deliveries/s on | deliveries/s off | on / off | p99 ms on | p99 ms off |\n");
    table.append("|---|---|---|---|---|---|\n");
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

  private static String count(double v) {
    return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%,.0f", v);
  }
}
