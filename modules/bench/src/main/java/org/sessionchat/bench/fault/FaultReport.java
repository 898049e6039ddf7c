package org.sessionchat.bench.fault;

import io.vertx.core.json.JsonArray;
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
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Writes the fault table of the reliability page from the fault probe's rounds: one row per
 * fault, every figure taken from the rounds of one run (the last, unless told otherwise).
 *
 * <p>Why generated: a table typed by hand drifts from what was measured; this one is redone
 * by {@code scripts/fault-runner report} after every run, between two marker lines of the page.
 */
@Command(name = "fault-report", mixinStandardHelpOptions = true,
    description = "Renders the fault table of docs/reliability.md from the fault runner's rounds.")
public final class FaultReport implements Callable<Integer> {

  static final String BEGIN = "<!-- fault table: written by scripts/fault-runner report -->";
  static final String END = "<!-- end of fault table -->";
  private static final List<String> ORDER = List.of("kill", "pause", "split", "busy");

  @Option(names = "--rounds", required = true, description = "the runner's JSON lines")
  Path rounds;

  @Option(names = "--doc", required = true, description = "the page whose table to rewrite")
  Path doc;

  @Option(names = "--run", split = ",", description = "the runs to report, comma-separated (default: the last one in the file)")
  List<String> runs;

  @Override
  public Integer call() throws IOException {
    List<JsonObject> all = new ArrayList<>();
    for (String line : Files.readAllLines(rounds, StandardCharsets.UTF_8)) {
      if (!line.isBlank()) {
        all.add(new JsonObject(line));
      }
    }
    List<String> wanted = runs != null ? runs
        : all.isEmpty() ? List.of() : List.of(all.get(all.size() - 1).getString("run"));
    List<JsonObject> chosen = all.stream().filter(round -> wanted.contains(round.getString("run", ""))).toList();
    if (chosen.isEmpty()) {
      System.err.println("fault-report: no rounds of run " + wanted + " in " + rounds);
      return 1;
    }
    String page = Files.readString(doc, StandardCharsets.UTF_8);
    int begin = page.indexOf(BEGIN);
    int end = page.indexOf(END);
    if (begin < 0 || end < begin) {
      System.err.println("fault-report: " + doc + " has no marker lines " + BEGIN + " ... " + END);
      return 1;
    }
    String updated = page.substring(0, begin + BEGIN.length()) + "\n" + table(chosen) + page.substring(end);
    Files.writeString(doc, updated, StandardCharsets.UTF_8);
    System.err.println("fault-report: " + doc + " rewritten from " + chosen.size() + " rounds of " + wanted);
    return 0;
  }

  /** The summary line and the table, for the rounds of one run. */
  static String table(List<JsonObject> rounds) {
    Map<String, List<JsonObject>> byFault = new TreeMap<>((a, b) -> Integer.compare(rank(a), rank(b)));
    for (JsonObject round : rounds) {
      byFault.computeIfAbsent(round.getString("fault"), k -> new ArrayList<>()).add(round);
    }
    List<Double> loads = new ArrayList<>();
    rounds.forEach(round -> {
      loads.add(round.getDouble("loadAverageBefore", -1.0));
      loads.add(round.getDouble("loadAverageAfter", -1.0));
    });
    loads.sort(null);
    JsonObject first = rounds.get(0);
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT,
        "%s, %s: %s; %d members in %d rooms (one hosted on each node, members of each on every node), "
            + "each sending %s numbered lines a second throughout; load average %.1f-%.1f.%n%n",
        first.getString("at", "").substring(0, Math.min(10, first.getString("at", "").length())),
        roundsText(byFault), first.getString("build", "this build"), first.getInteger("members"),
        first.getInteger("rooms"), number(first.getDouble("ratePerMember")), loads.get(0), loads.get(loads.size() - 1)));
    out.append("| fault | what clients saw | messages lost (of accepted lines to live rooms) | ghost / twin rooms "
        + "| time to detect | time to heal |\n|---|---|---|---|---|---|\n");
    byFault.forEach((fault, list) -> out.append(row(fault, list)).append('\n'));
    return out.toString();
  }

  private static String roundsText(Map<String, List<JsonObject>> byFault) {
    List<String> parts = new ArrayList<>();
    byFault.forEach((fault, list) -> parts.add(list.size() + " rounds of " + fault));
    return String.join(", ", parts) + " (interleaved, a fresh cluster each)";
  }

  static String row(String fault, List<JsonObject> rounds) {
    JsonObject first = rounds.get(0);
    int nodes = first.getInteger("nodes");
    int perNode = (first.getInteger("members") / first.getInteger("rooms") - 1) / nodes;
    int seconds = first.getInteger("faultSeconds");
    int node = first.getInteger("faultNode");
    int elsewhere = perNode * (nodes - 1) * rounds.size();
    List<Long> toldElsewhere = pooled(rounds, "toldElsewhereMs", 0);
    List<Long> toldOnNode = pooled(rounds, "toldOnFaultNodeMs", 0);
    List<Long> toldAfterResume = pooled(rounds, "toldOnFaultNodeMs", seconds * 1000L);
    List<Long> heal = values(rounds, round -> round.getLong("wholeAfterHealMs"));
    String what;
    String detect;
    String healed;
    String label;
    switch (fault) {
      case "kill" -> {
        label = "`kill -9` of node" + node + ", restarted " + seconds + " s later";
        what = String.format(Locale.ROOT, "members elsewhere of node%d's room: `OFFLINE:<room>` (%s); "
            + "node%d's own clients: connection closed (%d of %d)", node, ofTotal(toldElsewhere.size(), elsewhere), node,
            sum(rounds, "connectionsLost"), perNode * rounds.size() * first.getInteger("rooms") + rounds.size());
        detect = spread(toldElsewhere);
        healed = spread(heal) + " after the restart began (the node's JVM start included: "
            + spread(values(rounds, round -> round.getLong("healCommandMs"))) + ")";
      }
      case "pause" -> {
        label = "`SIGSTOP` of node" + node + " for " + seconds + " s, then `SIGCONT`";
        what = String.format(Locale.ROOT, "members elsewhere of node%d's room: `OFFLINE:<room>` (%s); after the "
            + "resume, node%d's members of rooms elsewhere: `OFFLINE:<room>` (%s, %s after `SIGCONT`); "
            + "node%d's own room kept its members on node%d", node, ofTotal(toldElsewhere.size(), elsewhere), node,
            ofTotal(toldOnNode.size(), elsewhere), spread(toldAfterResume), node, node);
        detect = spread(toldElsewhere);
        healed = spread(heal) + " after `SIGCONT`";
      }
      case "split" -> {
        label = "partition of nodes 1, 2 from node " + node + " for " + seconds + " s, then healed";
        what = String.format(Locale.ROOT, "members across the split: `OFFLINE:<room>` (majority side %s, minority "
            + "side %s); both sides kept serving their own rooms; one CREATE of the same name on every node during "
            + "the split: %s", ofTotal(toldElsewhere.size(), elsewhere), ofTotal(toldOnNode.size(), elsewhere),
            creates(rounds));
        List<Long> both = new ArrayList<>(toldElsewhere);
        both.addAll(toldOnNode);
        both.sort(null);
        detect = spread(both);
        healed = spread(heal) + " after the heal";
      }
      case "busy" -> {
        label = "no fault: both cores kept busy by other processes for " + seconds + " s";
        List<Long> told = new ArrayList<>(toldElsewhere);
        told.addAll(toldOnNode);
        told.addAll(pooled(rounds, "toldBetweenLiveNodesMs", 0));
        what = told.isEmpty() ? "no member told `OFFLINE`: no live node taken for gone"
            : String.format(Locale.ROOT, "**%d members told `OFFLINE`** (%s after the start: a live node was taken "
                + "for gone)", told.size(), spread(told));
        detect = "(nothing to detect)";
        healed = spread(heal) + " until every node's LIST was checked after the load stopped";
      }
      default -> {
        label = fault;
        what = "";
        detect = spread(toldElsewhere);
        healed = spread(heal);
      }
    }
    long owed = sum(rounds, "owed");
    long lost = sum(rounds, "lost");
    String losses = String.format(Locale.ROOT, "**%d of %,d**%s; cut with an ended session (its members told): %,d",
        lost, owed, extra(rounds), sum(rounds, "cutMissing"));
    String falseOffline = "busy".equals(fault) ? "" : falseOffline(rounds);
    return "| " + label + " | " + what + falseOffline + errors(rounds) + " | " + losses + " | " + ghosts(rounds) + " | "
        + detect + " | " + healed + " |";
  }

  private static String extra(List<JsonObject> rounds) {
    long reordered = sum(rounds, "reordered");
    long duplicated = sum(rounds, "duplicated");
    return reordered == 0 && duplicated == 0 ? ", in order" : ", " + reordered + " out of order, " + duplicated + " twice";
  }

  /** Members of rooms between live nodes told OFFLINE: a live node was taken for gone. */
  private static String falseOffline(List<JsonObject> rounds) {
    List<Long> told = pooled(rounds, "toldBetweenLiveNodesMs", 0);
    if (told.isEmpty()) {
      return "; no member of a room between live nodes told `OFFLINE`";
    }
    long affected = rounds.stream().filter(round -> !round.getJsonArray("toldBetweenLiveNodesMs", new JsonArray())
        .isEmpty()).count();
    return String.format(Locale.ROOT, "; **%d members of rooms between live nodes were told `OFFLINE` too** (%s "
        + "rounds, %s after the fault: a live node was taken for gone)", told.size(), ofTotal(affected, rounds.size()),
        spread(told));
  }

  private static String errors(List<JsonObject> rounds) {
    Map<String, Integer> errors = new LinkedHashMap<>();
    rounds.forEach(round -> round.getJsonObject("errors", new JsonObject())
        .forEach(entry -> errors.merge(entry.getKey(), ((Number) entry.getValue()).intValue(), Integer::sum)));
    if (errors.isEmpty()) {
      return "; no error line";
    }
    List<String> parts = new ArrayList<>();
    errors.forEach((line, count) -> parts.add("`" + line + "` ×" + count));
    return "; error lines: " + String.join(", ", parts);
  }

  private static String creates(List<JsonObject> rounds) {
    Map<String, Map<String, Integer>> byNode = new TreeMap<>();
    rounds.forEach(round -> round.getJsonObject("createDuringFault", new JsonObject())
        .forEach(entry -> byNode.computeIfAbsent(entry.getKey(), k -> new TreeMap<>())
            .merge(String.valueOf(entry.getValue()).replaceAll(":<probe>-twin$", ""), 1, Integer::sum)));
    List<String> parts = new ArrayList<>();
    byNode.forEach((node, answers) -> {
      List<String> seen = new ArrayList<>();
      answers.forEach((answer, count) -> seen.add("`" + answer + "`" + (count == rounds.size() ? "" : " ×" + count)));
      parts.add(node + " " + String.join(" / ", seen));
    });
    if (parts.isEmpty()) {
      return "not tried";
    }
    long twice = rounds.stream().filter(round -> round.getJsonObject("createDuringFault", new JsonObject()).stream()
        .filter(entry -> String.valueOf(entry.getValue()).startsWith("OK:CREATE")).count() > 1).count();
    String both = twice == 0 ? "" : String.format(Locale.ROOT, " (in %s rounds both sides created it: the minority "
        + "had not yet seen the split; after the heal one room kept the name)", ofTotal(twice, rounds.size()));
    return String.join(", ", parts) + both;
  }

  private static String ghosts(List<JsonObject> rounds) {
    int same = 0;
    int joins = 0;
    int joined = 0;
    int routes = 0;
    int delivered = 0;
    List<String> ghosts = new ArrayList<>();
    List<String> twins = new ArrayList<>();
    for (JsonObject round : rounds) {
      JsonObject lists = round.getJsonObject("listsAtEnd", new JsonObject());
      if (round.getLong("wholeAfterHealMs") >= 0 && lists.stream().map(Map.Entry::getValue).distinct().count() == 1) {
        same++;
      }
      JsonObject routing = round.getJsonObject("routing");
      joins += routing.getInteger("joins");
      joined += routing.getInteger("joined");
      routes += routing.getInteger("routes");
      delivered += routing.getInteger("delivered");
      routing.getJsonArray("ghosts").forEach(name -> ghosts.add(String.valueOf(name)));
      routing.getJsonArray("split").forEach(name -> twins.add(String.valueOf(name)));
    }
    return String.format(Locale.ROOT, "%s ghosts, %s twins: every node's LIST the same after the heal (%s rounds), "
            + "each listed room joined from every node (%s) and every joiner heard the others (%s)",
        ghosts.isEmpty() ? "**0**" : String.valueOf(ghosts.size()), twins.isEmpty() ? "**0**" : String.valueOf(twins.size()),
        ofTotal(same, rounds.size()), ofTotal(joined, joins), ofTotal(delivered, routes));
  }

  private static String ofTotal(long part, long total) {
    return part + " of " + total;
  }

  /** "median 1.2 s (0.9-1.8 s)" over the values in milliseconds. */
  static String spread(List<Long> millis) {
    List<Long> ok = millis.stream().filter(value -> value >= 0).sorted().toList();
    if (ok.isEmpty()) {
      return "not seen";
    }
    String text = String.format(Locale.ROOT, "median %.1f s (%.1f-%.1f s)", ok.get((ok.size() - 1) / 2) / 1000.0,
        ok.get(0) / 1000.0, ok.get(ok.size() - 1) / 1000.0);
    return ok.size() < millis.size() ? text + ", not within the bound in " + (millis.size() - ok.size()) : text;
  }

  private static List<Long> pooled(List<JsonObject> rounds, String field, long minus) {
    List<Long> all = new ArrayList<>();
    rounds.forEach(round -> round.getJsonArray(field, new JsonArray())
        .forEach(value -> all.add(((Number) value).longValue() - minus)));
    all.sort(null);
    return all;
  }

  private static List<Long> values(List<JsonObject> rounds, Function<JsonObject, Long> field) {
    return rounds.stream().map(field).toList();
  }

  private static long sum(List<JsonObject> rounds, String field) {
    return rounds.stream().mapToLong(round -> round.getLong(field, 0L)).sum();
  }

  private static String number(double value) {
    return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
  }

  private static int rank(String fault) {
    int index = ORDER.indexOf(fault);
    return index < 0 ? ORDER.size() + fault.hashCode() : index;
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new FaultReport()).execute(args));
  }
}
