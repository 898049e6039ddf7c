package org.sessionchat.session.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The runs of each scenario by mode ({@link BenchMode}), printed as Markdown: per scenario and
 * mode the median and range of messages/s and of the event loops' CPU nanoseconds per message
 * (and the round trips' percentiles), then on/off and on/none, by messages/s and by CPU per
 * message, both as the ratio of the medians and as the median and range of the ratios of the
 * pairs — runs measured back to back, so that a pair shares the machine's condition.
 */
final class BenchResults {

  private record Run(double perSecond, double cpuPerMessage, double p50Micros, double p99Micros) {}

  /** The runs of one scenario by mode, in the order measured; pair i is on.get(i) with off.get(i) (or none.get(i)). */
  private record Row(String scenario, String placement, List<Run> on, List<Run> off, List<Run> none) {}

  private final Map<String, Row> rows = new LinkedHashMap<>();

  void add(String scenario, String placement, BenchMode mode, RunResult result) {
    Row row = rows.computeIfAbsent(scenario + " | " + placement,
        s -> new Row(scenario, placement, new ArrayList<>(), new ArrayList<>(), new ArrayList<>()));
    double p50 = result.roundTripsNanos() == null ? Double.NaN
        : result.roundTripsNanos().getValueAtPercentile(50) / 1000.0;
    double p99 = result.roundTripsNanos() == null ? Double.NaN
        : result.roundTripsNanos().getValueAtPercentile(99) / 1000.0;
    List<Run> runs = switch (mode) {
      case ON -> row.on();
      case OFF -> row.off();
      case NONE -> row.none();
    };
    runs.add(new Run(result.messagesPerSecond(), result.cpuNanosPerMessage(), p50, p99));
  }

  void print(PrintStream out) {
    out.println("| scenario | placement | monitor | messages/s (median) | min-max | CPU ns per message (median) | min-max "
        + "| runs | round trip p50 µs | p99 µs |");
    out.println("|---|---|---|---|---|---|---|---|---|---|");
    rows.values().forEach(row -> {
      printRuns(out, row.scenario(), row.placement(), "on", row.on());
      printRuns(out, row.scenario(), row.placement(), "off", row.off());
      printRuns(out, row.scenario(), row.placement(), "none", row.none());
    });
    out.println();
    out.println("| scenario | placement | compared | messages/s: ratio of medians | per pair: median | min-max "
        + "| by CPU per message: ratio of medians | per pair: median | min-max | pairs |");
    out.println("|---|---|---|---|---|---|---|---|---|---|");
    rows.values().forEach(row -> {
      printRatios(out, row, "on/off", row.on(), row.off());
      printRatios(out, row, "on/none", row.on(), row.none());
    });
  }

  private static void printRatios(PrintStream out, Row row, String compared, List<Run> a, List<Run> b) {
    int pairs = Math.min(a.size(), b.size());
    if (pairs == 0) {
      return;
    }
    double[] rates = new double[pairs];
    double[] cpu = new double[pairs];
    for (int i = 0; i < pairs; i++) {
      rates[i] = a.get(i).perSecond() / b.get(i).perSecond();
      cpu[i] = b.get(i).cpuPerMessage() / a.get(i).cpuPerMessage(); // > 1: a needs less CPU per message
    }
    Arrays.sort(rates);
    Arrays.sort(cpu);
    double medians = median(rates(a)) / median(rates(b));
    double cpuMedians = median(cpu(b)) / median(cpu(a));
    out.printf(Locale.ROOT, "| %s | %s | %s | %.3f | %.3f | %.3f-%.3f | %s | %s | %s | %d |%n", row.scenario(),
        row.placement(), compared, medians, median(rates), rates[0], rates[pairs - 1], ratio(cpuMedians),
        ratio(median(cpu)), Double.isNaN(cpu[0]) ? "" : ratio(cpu[0]) + "-" + ratio(cpu[pairs - 1]), pairs);
  }

  private static String ratio(double value) {
    return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%.3f", value);
  }

  private static double[] cpu(List<Run> runs) {
    return runs.stream().mapToDouble(Run::cpuPerMessage).sorted().toArray();
  }

  private static void printRuns(PrintStream out, String scenario, String placement, String mode, List<Run> runs) {
    if (runs.isEmpty()) {
      return;
    }
    double[] rates = rates(runs);
    double p50 = median(runs.stream().mapToDouble(Run::p50Micros).toArray());
    double p99 = median(runs.stream().mapToDouble(Run::p99Micros).toArray());
    double[] cpu = cpu(runs);
    String cpuRange = Double.isNaN(cpu[0]) ? "" : String.format(Locale.ROOT, "%.0f-%.0f", cpu[0], cpu[cpu.length - 1]);
    out.printf(Locale.ROOT, "| %s | %s | %s | %.0f | %.0f-%.0f | %s | %s | %d | %s | %s |%n", scenario, placement, mode,
        median(rates), rates[0], rates[rates.length - 1], nanos(median(cpu)), cpuRange, rates.length, micros(p50),
        micros(p99));
  }

  private static double[] rates(List<Run> runs) {
    return runs.stream().mapToDouble(Run::perSecond).sorted().toArray();
  }

  private static String nanos(double value) {
    return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%.0f", value);
  }

  private static String micros(double value) {
    return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%.1f", value);
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int mid = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }
}
