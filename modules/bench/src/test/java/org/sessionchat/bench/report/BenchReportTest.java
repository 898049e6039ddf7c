package org.sessionchat.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchReportTest {

  @TempDir
  Path dir;

  @Test
  void medianOfThreeRunsIsTheMiddleOneForEachFigure() {
    Medians m = new Medians("A", "ngircd", List.of(run("A", "ngircd", 100, 9), run("A", "ngircd", 300, 1),
        run("A", "ngircd", 200, 5)));

    assertThat(m.of("deliveriesPerSecond")).isEqualTo(200);
    assertThat(m.latency("p99")).isEqualTo(5);
  }

  @Test
  void runWithoutMeasuredLatencyHasNoLatencyFigure() {
    JsonObject nothing = run("A", "ngircd-default", 10, 0);
    nothing.getJsonObject("latencyMillis").put("count", 0);

    assertThat(new Medians("A", "ngircd-default", List.of(nothing)).latency("p99")).isNaN();
  }

  @Test
  void medianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
    assertThat(Medians.median(new double[] {4, 1, 3, 2})).isEqualTo(2.5);
  }

  @Test
  void resultsAreGroupedByScenarioAndSystemInReportOrder() throws IOException {
    Files.writeString(dir.resolve("A.jsonl"), String.join("\n",
        run("A", "ngircd", 1, 1).encode(), run("A", "chat-off", 2, 2).encode(), run("A", "chat-on", 3, 3).encode()));

    Map<String, Map<String, Medians>> loaded = BenchReport.load(dir);

    assertThat(loaded.get("A").keySet()).containsExactly("chat-on", "chat-off", "ngircd");
  }

  @Test
  void monitorCostComparesOnWithOff() {
    Map<String, Map<String, Medians>> results = Map.of("A", Map.of(
        "chat-on", new Medians("A", "chat-on", List.of(run("A", "chat-on", 96, 2))),
        "chat-off", new Medians("A", "chat-off", List.of(run("A", "chat-off", 100, 1)))));

    assertThat(Tables.monitorCost(results)).contains("| A | 96.00 | 100 | 96.0 % |");
  }

  @Test
  void cpuPerDeliveryIsServerCoresOverDeliveryRate() {
    JsonObject run = run("A", "ngircd", 100_000, 1).put("serverCpuCores", 0.1);

    assertThat(Tables.cpuMicrosPerDelivery(run)).isEqualTo(1.0);
    assertThat(Tables.cpuMicrosPerDelivery(run.put("serverCpuCores", -1.0))).isNaN();
  }

  @Test
  void kernelTimeAndSocketWritesArePerDeliveryAndMissingInOlderLines() {
    JsonObject run = run("D", "inspircd", 1_000_000, 1).put("serverSystemCpuCores", 0.2)
        .put("serverWriteCallsPerSecond", 15_000.0);

    assertThat(Tables.kernelMicrosPerDelivery(run)).isCloseTo(0.2, within(1e-9));
    assertThat(Tables.writesPerHundredDeliveries(run)).isCloseTo(1.5, within(1e-9));
    JsonObject older = run("D", "inspircd", 1_000_000, 1);
    assertThat(Tables.kernelMicrosPerDelivery(older)).isNaN();
    assertThat(Tables.writesPerHundredDeliveries(older)).isNaN();
  }

  @Test
  void resultsSectionOfThePageIsReplacedAndTheRestKept() throws IOException {
    Path page = dir.resolve("benchmarks.md");
    Files.writeString(page, "# Title\n" + BenchReport.BEGIN + "\nold\n" + BenchReport.END + "\n## Session runtime\nkept\n");

    BenchReport.replaceSection(page, "new table");

    assertThat(Files.readString(page)).contains("# Title", "new table", "## Session runtime\nkept")
        .doesNotContain("old");
  }

  @Test
  void pageWithoutMarkersIsRefused() throws IOException {
    Path page = dir.resolve("benchmarks.md");
    Files.writeString(page, "# no markers\n");

    assertThatThrownBy(() -> BenchReport.replaceSection(page, "x")).hasMessageContaining("results:begin");
  }

  @Test
  void chartHasOneBarPerPresentValueAndALegendEntryPerSeries() {
    String svg = new SvgBarChart("t", "ms", true, List.of("p50", "p99"), List.of("chat-on", "ngircd"),
        new double[][] {{1, 10}, {2, Double.NaN}}).render();

    assertThat(svg).startsWith("<svg").endsWith("</svg>\n");
    assertThat(svg.split("<title>", -1)).hasSize(4);
    assertThat(svg).contains(">chat-on</text>", ">ngircd</text>", "log scale");
  }

  @Test
  void failoverTableShowsTimeToOfflineAfterTheKill() {
    JsonObject run = run("G", "cluster-on", 100, 1).put("joined", 30).put("offline", 20)
        .put("deliveriesExpected", 500).put("lost", 0).put("duplicated", 0).put("reordered", 0).put("errors", 10)
        .put("offlineAfterKillMillis", new JsonObject().put("count", 20).put("p50", 596.5).put("p99", 619.5).put("max", 619.5));

    String table = Tables.failover("G", List.of(new Medians("G", "cluster-on", List.of(run))));

    assertThat(table).contains("| cluster-on | 1 | 30 | 20 | 597 | 620 | 620 | 500 | 0 | 0 | 0 | 10 |");
  }

  @Test
  void zeroHasNoBarOnALogAxis() {
    String svg = new SvgBarChart("t", "ms", true, List.of("p50"), List.of("measured", "nothing measured"),
        new double[][] {{5}, {0}}).render();

    assertThat(svg.split("<title>", -1)).hasSize(2);
  }

  @Test
  void oursIsHeldAgainstTheBetterPeerOnEachFigure() {
    Map<String, Map<String, Medians>> results = Map.of("D", Map.of(
        "chat-on", new Medians("D", "chat-on", List.of(run("D", "chat-on", 500, 40).put("serverCpuCores", 1.0))),
        "ngircd", new Medians("D", "ngircd", List.of(run("D", "ngircd", 1000, 20).put("serverCpuCores", 0.5))),
        "inspircd", new Medians("D", "inspircd", List.of(run("D", "inspircd", 800, 30).put("serverCpuCores", 0.2)))));

    assertThat(Tables.versusPeers(results)).contains(
        "| D | chat-on | 500 | 1,000 (ngircd) | 0.50 × | 2,000 | 250 (inspircd) | 8.00 × | 40.00 | 20.00 (ngircd) | 2.00 × |");
  }

  @Test
  void thisBuildIsComparedWithTheBaselineMonitorOnWithOn() {
    Map<String, Map<String, Medians>> results = Map.of("C10k", Map.of(
        "chat-on", new Medians("C10k", "chat-on", List.of(run("C10k", "chat-on", 0, 0).put("connectJoinMillis", 10_500))),
        "base-on", new Medians("C10k", "base-on", List.of(run("C10k", "base-on", 0, 0).put("connectJoinMillis", 10_000)))));

    assertThat(Tables.versusBaseline(results)).contains("| C10k | on |", "| 10.50 / 10.00 | 1.05 × |")
        .doesNotContain("| off |");
  }

  private static JsonObject run(String scenario, String system, double deliveries, double p99) {
    return new JsonObject()
        .put("scenario", new JsonObject().put("name", scenario).put("system", system))
        .put("deliveriesPerSecond", deliveries)
        .put("latencyMillis", new JsonObject().put("p99", p99));
  }
}
