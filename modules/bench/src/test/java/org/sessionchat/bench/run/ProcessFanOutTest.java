package org.sessionchat.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sessionchat.bench.ScenarioSpec;
import org.sessionchat.bench.result.RunResult;

class ProcessFanOutTest {

  @Test
  void roomsSplitOverChildProcessesAddUpToTheWholeScenario() throws Exception {
    try (TinyChatServer server = new TinyChatServer(0)) {
      ScenarioSpec spec = new ScenarioSpec("fan", "tiny", "chat", List.of(server.target()), 4, 3, 1, 20, 50, 0, 1, 50);

      RunResult result = new ProcessFanOut(spec, 2, List.of("-Xmx128m"), List.of(), Duration.ofSeconds(60))
          .run(slice -> List.of("--targets", server.target(), "--rooms", "4", "--members", "3", "--senders", "1",
              "--rate", "20", "--size", "50", "--warmup", "0", "--duration", "1", "--progress", "0",
              "--room-prefix", "fan", "--processes", "2", "--slice", Integer.toString(slice)));

      assertThat(result.processes()).isEqualTo(2);
      assertThat(result.joined()).isEqualTo(12);
      assertThat(result.sent()).isPositive();
      assertThat(result.tally().expected()).isEqualTo(result.sent() * 2);
      assertThat(result.tally().lost()).isZero();
    }
  }
}
