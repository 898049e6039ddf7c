package org.sessionchat.session.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The runs of each benchmark row, printed as a Markdown table of medians with the range of
 * throughputs: on a shared machine a single run says little.
 */
final class BenchResults {

  private record Run(double perSecond, double meanMicros, double p50Micros, double p99Micros) {}

  private final Map<String, List<Run>> rows = new LinkedHashMap<>();

  void add(String row, double perSecond, double meanMicros, double p50Micros, double p99Micros) {
    rows.computeIfAbsent(row, r -> new ArrayList<>()).add(new Run(perSecond, meanMicros, p50Micros, p99Micros));
  }

  void print(PrintStream out) {
    out.println("| scenario | JVMs | monitor | messages/s (median) | min-max | runs | round trip mean µs | p50 µs | p99 µs |");
    out.println("|---|---|---|---|---|---|---|---|---|");
    rows.forEach((row, runs) -> {
      double[] rates = runs.stream().mapToDouble(Run::perSecond).sorted().toArray();
      double mean = median(runs.stream().mapToDouble(Run::meanMicros).toArray());
      double p50 = median(runs.stream().mapToDouble(Run::p50Micros).toArray());
      double p99 = median(runs.stream().mapToDouble(Run::p99Micros).toArray());
      out.printf(Locale.ROOT, "| %s | %.0f | %.0f-%.0f | %d | %s | %s | %s |%n", row, median(rates), rates[0],
          rates[rates.length - 1], rates.length, micros(mean), micros(p50), micros(p99));
    });
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
