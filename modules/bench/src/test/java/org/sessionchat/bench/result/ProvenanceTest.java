package org.sessionchat.bench.result;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProvenanceTest {

  @Test
  void optionsThatOnlyNameARunAreLeftOutAndTheLoadIsKept() {
    String[] args = {"--targets", "127.0.0.1:1", "--out", "x.jsonl", "--server-pid", "12,13", "--label", "run=r",
        "--label=round=2", "--kill-pid", "9", "--rate", "0"};

    assertThat(Provenance.loadOptions(args)).containsExactly("--targets", "127.0.0.1:1", "--rate", "0");
  }

  @Test
  void labelsKeepTheirOrderInTheJson() {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("run", "r");
    labels.put("round", "1");
    labels.put("server", "s");
    Provenance p = new Provenance("abc", List.of("--rate", "0"), labels);

    assertThat(p.toJson().getJsonObject("labels").fieldNames()).containsExactly("run", "round", "server");
    assertThat(p.toJson().getString("build")).isEqualTo("abc");
  }

  @Test
  void classesOutsideAJarHaveNoJarHash() {
    assertThat(Provenance.buildOf(ProvenanceTest.class)).isEqualTo("classes");
  }
}
