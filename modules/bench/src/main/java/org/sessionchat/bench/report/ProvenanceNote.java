package org.sessionchat.bench.report;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The line under a table that says what its rows have in common, read from the result lines
 * themselves: one run or several, the generator build(s), whether every system got the same
 * generator options (and which ones differed), and each system's server build and options.
 * A comparison table is only as fair as this line shows it to be.
 */
final class ProvenanceNote {

  /** Options that name what is measured, not how it is loaded. */
  private static final Set<String> NAMING = Set.of("--system", "--name");

  private ProvenanceNote() {
  }

  static String of(List<Medians> rows) {
    List<JsonObject> all = rows.stream().flatMap(m -> m.runs().stream()).toList();
    List<String> parts = new ArrayList<>();
    parts.add(runs(all));
    parts.add(builds(all));
    parts.add(options(rows));
    parts.add(cores(all));
    String servers = servers(rows);
    if (!servers.isEmpty()) {
      parts.add(servers);
    }
    return "\n" + String.join("; ", parts) + ".\n";
  }

  private static String runs(List<JsonObject> all) {
    Set<String> ids = distinct(all, run -> label(run, "run"));
    long unlabelled = all.stream().filter(run -> label(run, "run") == null).count();
    if (ids.size() == 1 && unlabelled == 0) {
      Set<String> rounds = distinct(all, run -> label(run, "round"));
      return "All rows from one `scripts/bench-all` run (`" + ids.iterator().next() + "`"
          + (rounds.isEmpty() ? "" : ", " + rounds.size() + " round(s), every system in every round") + ")";
    }
    if (ids.isEmpty()) {
      return "Rows from separate runs (their result lines carry no run id)";
    }
    return "Rows from " + ids.size() + " runs (" + String.join(", ", ids) + ")"
        + (unlabelled > 0 ? " and " + unlabelled + " result line(s) without a run id" : "");
  }

  private static String builds(List<JsonObject> all) {
    Set<String> builds = distinct(all, run -> generator(run).getString("build"));
    if (builds.isEmpty()) {
      return "generator build not recorded";
    }
    return (builds.size() == 1 ? "same generator build `" : "generator builds `")
        + String.join("`, `", builds) + "`";
  }

  /**
   * Where the generator and the servers ran: the cores {@code BENCH_CPUS} gave them (label
   * {@code cpus}), the same for every run or not, or every core shared.
   */
  private static String cores(List<JsonObject> all) {
    Set<String> cores = distinct(all, run -> label(run, "cpus"));
    long shared = all.stream().filter(run -> label(run, "cpus") == null).count();
    if (cores.isEmpty()) {
      return "generator and server sharing every core";
    }
    if (cores.size() == 1 && shared == 0) {
      return "cores of their own in every run (" + cores.iterator().next() + ")";
    }
    return "cores differ between the runs (" + String.join(" / ", cores) + (shared > 0 ? " / shared" : "") + ")";
  }

  /** "same generator options", or the options in which a system's runs differ from the first row's. */
  private static String options(List<Medians> rows) {
    Map<String, Map<String, String>> bySystem = new LinkedHashMap<>();
    for (Medians row : rows) {
      Set<Map<String, String>> variants = new LinkedHashSet<>();
      row.runs().forEach(run -> variants.add(optionMap(generator(run).getJsonArray("options"))));
      variants.remove(Map.of());
      if (variants.size() == 1) {
        bySystem.put(row.system(), variants.iterator().next());
      } else if (variants.size() > 1) {
        return "generator options differ between the runs of " + row.system();
      }
    }
    if (bySystem.isEmpty()) {
      return "generator options not recorded";
    }
    Map<String, String> first = bySystem.values().iterator().next();
    List<String> differences = new ArrayList<>();
    bySystem.forEach((system, options) -> {
      String diff = options.entrySet().stream()
          .filter(e -> !Objects.equals(first.get(e.getKey()), e.getValue()))
          .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(" "));
      if (!diff.isEmpty()) {
        differences.add(system + ": `" + diff + "`");
      }
    });
    return differences.isEmpty() ? "same generator options for every system"
        : "same generator options except " + String.join(", ", differences);
  }

  private static String servers(List<Medians> rows) {
    List<String> servers = new ArrayList<>();
    for (Medians row : rows) {
      Set<String> builds = distinct(row.runs(), run -> label(run, "server"));
      Set<String> options = distinct(row.runs(), run -> label(run, "serverOptions"));
      if (!builds.isEmpty()) {
        servers.add(row.system() + " = " + String.join(" / ", builds)
            + (options.isEmpty() ? "" : " (" + String.join(" / ", options) + ")"));
      }
    }
    return servers.isEmpty() ? "" : "servers: " + String.join("; ", servers);
  }

  /** {@code --name value} pairs of an option list, naming options left out. */
  static Map<String, String> optionMap(JsonArray options) {
    Map<String, String> map = new LinkedHashMap<>();
    if (options == null) {
      return map;
    }
    for (int i = 0; i < options.size(); i++) {
      String token = options.getString(i);
      if (!token.startsWith("--")) {
        continue;
      }
      String value = "";
      if (token.contains("=")) {
        value = token.substring(token.indexOf('=') + 1);
        token = token.substring(0, token.indexOf('='));
      } else if (i + 1 < options.size() && !options.getString(i + 1).startsWith("--")) {
        value = options.getString(++i);
      }
      if (!NAMING.contains(token)) {
        map.put(token, value);
      }
    }
    return map;
  }

  private static JsonObject generator(JsonObject run) {
    JsonObject generator = run.getJsonObject("generator");
    return generator == null ? new JsonObject() : generator;
  }

  private static String label(JsonObject run, String key) {
    JsonObject labels = generator(run).getJsonObject("labels");
    return labels == null ? null : labels.getString(key);
  }

  private static Set<String> distinct(List<JsonObject> runs, java.util.function.Function<JsonObject, String> field) {
    Set<String> values = new LinkedHashSet<>();
    for (JsonObject run : runs) {
      String value = field.apply(run);
      if (value != null) {
        values.add(value);
      }
    }
    return values;
  }
}
