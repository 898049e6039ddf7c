package org.sessionchat.bench.report;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Turns the JSON result lines under {@code docs/bench-results} into the tables and SVG plots
 * of {@code docs/benchmarks.md}: medians per scenario and system, written between the
 * page's {@code <!-- results:begin -->} and {@code <!-- results:end -->} markers, so the page
 * never shows a figure that is not in a result file.
 */
@Command(name = "bench-report", mixinStandardHelpOptions = true,
    description = "Median tables and SVG plots from benchmark result files.")
public final class BenchReport implements Callable<Integer> {

  static final String BEGIN = "<!-- results:begin -->";
  static final String END = "<!-- results:end -->";
  private static final List<String> SYSTEM_ORDER = List.of("chat-on", "chat-off", "chat-irc-on",
      "chat-irc-off", "base-on", "base-off", "base-irc-on", "cluster-on", "cluster-tls", "ngircd", "ngircd-default", "inspircd");
  private static final List<String> MESSAGING = List.of("A", "B", "D", "F");
  private static final List<String> IDLE = List.of("C10k", "Cmax", "C3");
  private static final List<String> FAILOVER = List.of("G");

  @Option(names = "--results", defaultValue = "docs/bench-results", description = "folder of *.jsonl result files")
  Path results;

  @Option(names = "--plots", defaultValue = "docs/plots", description = "folder for the SVG plots")
  Path plots;

  @Option(names = "--doc", defaultValue = "docs/benchmarks.md", description = "page whose results section is rewritten")
  Path doc;

  public static void main(String[] args) {
    System.exit(new CommandLine(new BenchReport()).execute(args));
  }

  @Override
  public Integer call() throws IOException {
    Map<String, Map<String, Medians>> byScenario = load(results);
    Files.createDirectories(plots);
    StringBuilder section = new StringBuilder();
    for (Map.Entry<String, Map<String, Medians>> scenario : byScenario.entrySet()) {
      String name = scenario.getKey();
      List<Medians> rows = new ArrayList<>(scenario.getValue().values());
      if (IDLE.contains(name)) {
        section.append(Tables.idle(name, rows)).append(ProvenanceNote.of(rows));
      } else if (FAILOVER.contains(name)) {
        section.append(Tables.failover(name, rows)).append(ProvenanceNote.of(rows));
      } else {
        section.append(Tables.messaging(name, rows)).append(ProvenanceNote.of(rows));
        writePlot("latency-" + name + ".svg", latencyChart(name, rows));
        section.append(String.format("%n![latency %s](plots/latency-%s.svg)%n%n", name, name));
      }
    }
    section.append(Tables.monitorCost(byScenario));
    section.append(Tables.versusPeers(byScenario));
    section.append(Tables.versusBaseline(byScenario));
    writePlot("throughput.svg", throughputChart(byScenario));
    writePlot("connect-join.svg", connectChart(byScenario));
    section.append(String.format("%n![throughput](plots/throughput.svg)%n%n![connect and join](plots/connect-join.svg)%n"));
    replaceSection(doc, section.toString());
    System.err.printf("bench-report: %d scenario(s) into %s and %s%n", byScenario.size(), doc, plots);
    return 0;
  }

  /** scenario -> system -> runs, scenarios and systems in report order. */
  static Map<String, Map<String, Medians>> load(Path folder) throws IOException {
    Map<String, Map<String, List<JsonObject>>> runs = new TreeMap<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".jsonl")).sorted().toList()) {
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
          if (line.isBlank()) {
            continue;
          }
          JsonObject json = new JsonObject(line);
          JsonObject scenario = json.getJsonObject("scenario");
          runs.computeIfAbsent(scenario.getString("name"), k -> new TreeMap<>(BenchReport::bySystem))
              .computeIfAbsent(scenario.getString("system"), k -> new ArrayList<>()).add(json);
        }
      }
    }
    Map<String, Map<String, Medians>> medians = new LinkedHashMap<>();
    runs.forEach((scenario, systems) -> {
      Map<String, Medians> row = new LinkedHashMap<>();
      systems.forEach((system, list) -> row.put(system, new Medians(scenario, system, list)));
      medians.put(scenario, row);
    });
    return medians;
  }

  private static int bySystem(String a, String b) {
    int ia = SYSTEM_ORDER.indexOf(a);
    int ib = SYSTEM_ORDER.indexOf(b);
    if (ia < 0 || ib < 0) {
      return ia < 0 && ib < 0 ? a.compareTo(b) : (ia < 0 ? 1 : -1);
    }
    return Integer.compare(ia, ib);
  }

  private static SvgBarChart latencyChart(String scenario, List<Medians> rows) {
    List<String> percentiles = List.of("p50", "p99", "p99_9", "max");
    double[][] values = new double[rows.size()][percentiles.size()];
    for (int s = 0; s < rows.size(); s++) {
      for (int p = 0; p < percentiles.size(); p++) {
        values[s][p] = rows.get(s).latency(percentiles.get(p));
      }
    }
    return new SvgBarChart("Scenario " + scenario + ": delivery latency (median of runs)", "milliseconds", true,
        List.of("p50", "p99", "p99.9", "max"), systems(rows), values);
  }

  private static SvgBarChart throughputChart(Map<String, Map<String, Medians>> byScenario) {
    List<String> scenarios = byScenario.keySet().stream().filter(MESSAGING::contains).toList();
    return chart("Deliveries per second (median of runs)", "deliveries/s", false, scenarios, byScenario,
        m -> m.of("deliveriesPerSecond"));
  }

  private static SvgBarChart connectChart(Map<String, Map<String, Medians>> byScenario) {
    List<String> scenarios = byScenario.keySet().stream().filter(IDLE::contains).toList();
    return chart("Idle clients: time until all are in their rooms (median of runs)", "seconds", false, scenarios,
        byScenario, m -> m.of("connectJoinMillis") / 1000);
  }

  private static SvgBarChart chart(String title, String unit, boolean log, List<String> scenarios,
      Map<String, Map<String, Medians>> byScenario, java.util.function.ToDoubleFunction<Medians> figure) {
    List<String> systems = new ArrayList<>();
    for (String scenario : scenarios) {
      byScenario.get(scenario).keySet().stream().filter(s -> !systems.contains(s)).forEach(systems::add);
    }
    systems.sort(BenchReport::bySystem);
    double[][] values = new double[systems.size()][scenarios.size()];
    for (int s = 0; s < systems.size(); s++) {
      for (int c = 0; c < scenarios.size(); c++) {
        Medians m = byScenario.get(scenarios.get(c)).get(systems.get(s));
        values[s][c] = m == null ? Double.NaN : figure.applyAsDouble(m);
      }
    }
    return new SvgBarChart(title, unit, log, scenarios, systems, values);
  }

  private static List<String> systems(List<Medians> rows) {
    return rows.stream().map(Medians::system).toList();
  }

  private void writePlot(String name, SvgBarChart chart) throws IOException {
    Files.writeString(plots.resolve(name), chart.render(), StandardCharsets.UTF_8);
  }

  static void replaceSection(Path doc, String section) throws IOException {
    String page = Files.exists(doc) ? Files.readString(doc, StandardCharsets.UTF_8) : BEGIN + "\n" + END + "\n";
    int begin = page.indexOf(BEGIN);
    int end = page.indexOf(END);
    if (begin < 0 || end < begin) {
      throw new IOException(doc + " has no " + BEGIN + " ... " + END + " section");
    }
    String updated = page.substring(0, begin + BEGIN.length()) + "\n" + section + "\n" + page.substring(end);
    Files.writeString(doc, updated, StandardCharsets.UTF_8);
  }

  static String number(double v) {
    if (Double.isNaN(v) || v < 0) {
      return "-";
    }
    return v >= 100 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.2f", v);
  }
}
