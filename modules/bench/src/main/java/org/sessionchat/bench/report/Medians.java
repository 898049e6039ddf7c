package org.sessionchat.bench.report;

import io.vertx.core.json.JsonObject;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The runs of one scenario against one system, reduced to the median of each figure
 * (issue 8: run each three times, report the median). Each figure's median is taken on its
 * own, so a table row need not be one particular run.
 */
public record Medians(String scenario, String system, List<JsonObject> runs) {

  public Medians {
    runs = List.copyOf(runs);
  }

  public double of(String field) {
    return of(json -> json.getDouble(field, Double.NaN));
  }

  /** A latency percentile; runs in which no latency was measured do not count. */
  public double latency(String percentile) {
    return of(json -> {
      JsonObject latency = json.getJsonObject("latencyMillis");
      return latency.getLong("count", 1L) == 0 ? Double.NaN : latency.getDouble(percentile, Double.NaN);
    });
  }

  public double of(ToDoubleFunction<JsonObject> figure) {
    double[] values = runs.stream().mapToDouble(figure).filter(v -> !Double.isNaN(v)).sorted().toArray();
    return median(values);
  }

  static double median(double[] sorted) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    double[] values = Arrays.copyOf(sorted, sorted.length);
    Arrays.sort(values);
    int middle = values.length / 2;
    return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
  }
}
