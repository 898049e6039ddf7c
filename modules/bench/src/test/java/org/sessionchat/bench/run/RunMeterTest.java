package org.sessionchat.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RunMeterTest {

  private final RunMeter meter = new RunMeter();

  @Test
  void latencyCountsOnlyMessagesSentInsideTheWindow() {
    meter.openWindow(1_000_000_000L, 2_000_000_000L);

    meter.delivered(999_000_000L, 1_001_000_000L);
    meter.delivered(1_500_000_000L, 1_503_000_000L);
    meter.delivered(2_000_000_000L, 2_001_000_000L);

    assertThat(meter.total().getTotalCount()).isEqualTo(1);
    assertThat(meter.total().getMaxValue()).isBetween(2_990L, 3_010L);
    assertThat(meter.receivedCount()).isEqualTo(3);
    assertThat(meter.inWindowCount()).isEqualTo(2);
  }

  @Test
  void offlineNoticesAreTimedFromTheKill() {
    meter.offline(100);
    meter.killed(1_000_000_000L);
    meter.offline(1_250_000_000L);

    assertThat(meter.offlineCount()).isEqualTo(2);
    assertThat(meter.offlineAfterKill().getTotalCount()).isEqualTo(1);
    assertThat(meter.offlineAfterKill().getMaxValue()).isBetween(249_000L, 251_000L);
  }
}
