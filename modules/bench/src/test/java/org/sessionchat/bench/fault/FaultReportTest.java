package org.sessionchat.bench.fault;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class FaultReportTest {

  @TempDir
  Path dir;

  @Test
  void theRowOfASplitSaysWhatWasLostToldAndCreatedFromTheRounds() {
    String row = FaultReport.row("split", List.of(split("old", 0, 1500, 2500), split("old", 2, 1700, 2300)));

    assertThat(row).startsWith("| partition of nodes 1, 2 from node 3 for 12 s, then healed |")
        .contains("**2 of 200**, in order")
        .contains("majority side 2 of 8")
        .contains("node1 `OK:CREATE`, node3 `ERROR:UNAVAILABLE:CREATE`")
        .contains("**0** ghosts, **0** twins")
        .contains("same after the heal (2 of 2 rounds)")
        .contains("median 1.7 s (1.5-1.9 s)") // both sides told, pooled
        .contains("median 2.3 s (2.3-2.5 s) after the heal");
  }

  @Test
  void membersOfRoomsBetweenLiveNodesToldOfflineAreReported() {
    JsonObject round = split("old", 0, 1000, 2000).put("toldBetweenLiveNodesMs", new JsonArray().add(5700).add(8600));

    assertThat(FaultReport.row("split", List.of(round, split("old", 0, 1000, 2000))))
        .contains("**2 members of rooms between live nodes were told `OFFLINE` too** (1 of 2 rounds");
  }

  @Test
  void aNameCreatedOnBothSidesIsSaid() {
    JsonObject round = split("old", 0, 1000, 2000);
    round.getJsonObject("createDuringFault").put("node3", "OK:CREATE:<probe>-twin");

    assertThat(FaultReport.row("split", List.of(round, split("old", 0, 1000, 2000))))
        .contains("node3 `ERROR:UNAVAILABLE:CREATE` ×1 / `OK:CREATE` ×1")
        .contains("in 1 of 2 rounds both sides created it");
  }

  @Test
  void aGhostSeenByTheRoutingCheckIsCounted() {
    JsonObject round = split("old", 0, 1000, 2000);
    round.getJsonObject("routing").put("ghosts", new JsonArray().add("<probe>-r3")).put("joined", 11);

    assertThat(FaultReport.row("split", List.of(round))).contains("1 ghosts").contains("(11 of 12)");
  }

  @Test
  void aBusyRoundWithoutOfflineSaysNoLiveNodeWasTakenForGone() {
    JsonObject quiet = busy(new JsonArray(), new JsonArray());

    assertThat(FaultReport.row("busy", List.of(quiet)))
        .startsWith("| no fault: both cores kept busy by other processes for 600 s |")
        .contains("no member told `OFFLINE`: no live node taken for gone")
        .contains("**0 of 100**")
        .doesNotContain("rooms between live nodes");
  }

  @Test
  void anyOfflineInABusyRoundIsAFalseRemoval() {
    JsonObject round = busy(new JsonArray().add(4100), new JsonArray().add(4300).add(4500));

    assertThat(FaultReport.row("busy", List.of(round)))
        .contains("**3 members told `OFFLINE`** (median 4.3 s (4.1-4.5 s) after the start");
  }

  private static JsonObject busy(JsonArray toldElsewhere, JsonArray toldBetweenLive) {
    JsonObject round = split("soak", 0, 0, 1200).put("fault", "busy").put("faultSeconds", 600)
        .put("toldElsewhereMs", toldElsewhere).put("toldOnFaultNodeMs", new JsonArray())
        .put("toldBetweenLiveNodesMs", toldBetweenLive);
    round.remove("createDuringFault");
    return round;
  }

  @Test
  void reportRewritesOnlyTheTableOfTheLastRunBetweenTheMarkers() throws Exception {
    Path rounds = dir.resolve("rounds.jsonl");
    Files.writeString(rounds, split("old", 5, 1000, 1000).encode() + "\n" + split("new", 0, 1000, 1000).encode() + "\n");
    Path doc = dir.resolve("page.md");
    Files.writeString(doc, "before\n" + FaultReport.BEGIN + "\nstale\n" + FaultReport.END + "\nafter\n");

    int exit = new CommandLine(new FaultReport()).execute("--rounds", rounds.toString(), "--doc", doc.toString());

    String page = Files.readString(doc, StandardCharsets.UTF_8);
    assertThat(exit).isZero();
    assertThat(page).startsWith("before\n").endsWith(FaultReport.END + "\nafter\n").doesNotContain("stale")
        .contains("1 rounds of split").contains("**0 of 100**");
  }

  private static JsonObject split(String run, int lost, long told, long whole) {
    return new JsonObject().put("fault", "split").put("faultNode", 3).put("nodes", 3).put("members", 21)
        .put("rooms", 3).put("ratePerMember", 4.0).put("faultSeconds", 12).put("owed", 100).put("lost", lost)
        .put("reordered", 0).put("duplicated", 0).put("cutMissing", 7)
        .put("toldElsewhereMs", new JsonArray().add(told)).put("toldOnFaultNodeMs", new JsonArray().add(told + 200))
        .put("connectionsLost", 0).put("errors", new JsonObject())
        .put("createDuringFault", new JsonObject().put("node1", "OK:CREATE:<probe>-twin")
            .put("node3", "ERROR:UNAVAILABLE:CREATE"))
        .put("wholeAfterHealMs", whole)
        .put("listsAtEnd", new JsonObject().put("node1", new JsonArray().add("a")).put("node2", new JsonArray().add("a")))
        .put("routing", new JsonObject().put("rooms", 4).put("joins", 12).put("joined", 12).put("routes", 24)
            .put("delivered", 24).put("ghosts", new JsonArray()).put("split", new JsonArray()))
        .put("run", run).put("round", 1).put("at", "2026-12-01T12:00:00Z").put("loadAverageBefore", 3.0)
        .put("loadAverageAfter", 4.0).put("build", "session-chat test");
  }
}
