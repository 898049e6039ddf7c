package org.sessionchat.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProvenanceNoteTest {

  @Test
  void rowsOfOneRunWithOneGeneratorBuildSaySo() {
    String note = ProvenanceNote.of(List.of(
        row("chat-on", run("r1", "1", "abc", "--protocol", "chat", "--rooms", "1")),
        row("inspircd", run("r1", "1", "abc", "--protocol", "chat", "--rooms", "1"))));

    assertThat(note).contains("All rows from one `scripts/bench-all` run (`r1`, 1 round(s)",
        "same generator build `abc`", "same generator options for every system");
  }

  @Test
  void optionsThatDifferAreNamedPerSystemAndTheSystemNameIsNotADifference() {
    String note = ProvenanceNote.of(List.of(
        row("chat-on", run("r1", "1", "abc", "--system", "chat-on", "--protocol", "chat", "--connect-window", "1000")),
        row("ngircd", run("r1", "1", "abc", "--system", "ngircd", "--protocol", "irc", "--connect-window", "8"))));

    assertThat(note).contains("same generator options except ngircd: `--protocol irc --connect-window 8`")
        .doesNotContain("--system");
  }

  @Test
  void rowsFromSeveralRunsOrWithoutRunIdsAreNotPassedOffAsOne() {
    JsonObject old = run("r1", "1", "abc");
    old.remove("generator");

    String note = ProvenanceNote.of(List.of(row("chat-on", run("r1", "1", "abc")), row("ngircd", run("r2", "1", "def")),
        row("inspircd", old)));

    assertThat(note).contains("Rows from 2 runs (r1, r2) and 1 result line(s) without a run id",
        "generator builds `abc`, `def`");
  }

  @Test
  void theCoresGivenToGeneratorAndServerAreNamedAndAMixIsNotPassedOffAsOne() {
    JsonObject pinned = run("r1", "1", "abc");
    pinned.getJsonObject("generator").getJsonObject("labels").put("cpus", "generator 0, server 1");
    JsonObject alsoPinned = pinned.copy();

    assertThat(ProvenanceNote.of(List.of(row("chat-on", pinned), row("inspircd", alsoPinned))))
        .contains("cores of their own in every run (generator 0, server 1)");
    assertThat(ProvenanceNote.of(List.of(row("chat-on", run("r1", "1", "abc")))))
        .contains("generator and server sharing every core");
    assertThat(ProvenanceNote.of(List.of(row("chat-on", pinned), row("inspircd", run("r1", "1", "abc")))))
        .contains("cores differ between the runs (generator 0, server 1 / shared)");
  }

  @Test
  void optionMapPairsNamesWithValuesInBothSpellings() {
    assertThat(ProvenanceNote.optionMap(new JsonArray(List.of("--rooms", "3", "--rate=0", "--name", "D"))))
        .containsOnly(Map.entry("--rooms", "3"), Map.entry("--rate", "0"));
  }

  private static Medians row(String system, JsonObject run) {
    return new Medians("D", system, List.of(run));
  }

  private static JsonObject run(String id, String round, String build, String... options) {
    return new JsonObject().put("generator", new JsonObject().put("build", build)
        .put("options", new JsonArray(List.of(options)))
        .put("labels", new JsonObject().put("run", id).put("round", round)));
  }
}
