package org.sessionchat.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunMeterTest {

  @Test
  void inWindowIsOneFromTheStartUpToButNotIncludingTheEnd() {
    assertThat(RunMeter.inWindow(99, 100, 200)).isZero();
    assertThat(RunMeter.inWindow(100, 100, 200)).isOne();
    assertThat(RunMeter.inWindow(199, 100, 200)).isOne();
    assertThat(RunMeter.inWindow(200, 100, 200)).isZero();
    assertThat(RunMeter.inWindow(-5, -10, 10)).isOne();
    assertThat(RunMeter.inWindow(Long.MIN_VALUE + 1, Long.MAX_VALUE, Long.MAX_VALUE)).isZero(); // window not open
    assertThat(RunMeter.inWindow(0, Long.MAX_VALUE, Long.MAX_VALUE)).isZero();
  }

  @Test
  void onlyMessagesSentInTheWindowAreTimedAndOnlyDeliveriesInItCountPerSecond() {
    RunMeter meter = new RunMeter();
    meter.openWindow(1_000_000_000L, 2_000_000_000L);

    meter.delivered(500_000_000L, 1_100_000_000L);   // sent in the warm-up, arrived in the window
    meter.delivered(1_500_000_000L, 1_502_000_000L); // both in the window: 2 ms
    meter.delivered(1_999_000_000L, 2_010_000_000L); // sent in the window, arrived after it: 11 ms
    meter.deliveredUntimed();

    assertThat(meter.receivedCount()).isEqualTo(4);
    assertThat(meter.inWindowCount()).isEqualTo(2);
    assertThat(meter.total().getTotalCount()).isEqualTo(2);
    assertThat(meter.total().getMaxValue()).isBetween(10_990L, 11_010L);
  }

  @Test
  void timelineKeepsTheWarmUpButWritesTheWindowOnly(@TempDir Path dir) throws Exception {
    long warmup = 1_000_000_000L;
    Timeline timeline = new Timeline(warmup, warmup + 5_000_000L, warmup + 8_000_000L);
    timeline.delivered(warmup + 1_000_000L, 30_000);  // warm-up: kept, not written
    timeline.delivered(warmup + 5_000_000L, 12_000);  // the window's first millisecond
    timeline.delivered(warmup + 7_999_999L, 1_000);   // its last

    Path file = dir.resolve("t.csv");
    timeline.write(file);

    List<String> rows = Files.readAllLines(file);
    assertThat(rows).hasSize(1 + 3);
    assertThat(rows.get(1).split(",")).startsWith(rows.get(1).split(",")[0], "0", "1", "12000", "1", "1", "0");
    assertThat(rows.get(3).split(",")[2]).isEqualTo("1");
    assertThat(rows.stream().skip(1).mapToLong(r -> Long.parseLong(r.split(",")[2])).sum()).isEqualTo(2);
  }
}
