package org.sessionchat.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PhasesTest {

  @Test
  void alignedSendersAllStartAtOnce() {
    assertThat(IntStream.range(0, 50).mapToLong(i -> Phases.ALIGNED.offsetMillis(i, 50, 20)).distinct())
        .containsExactly(0L);
  }

  @Test
  void spreadSendersCoverEveryMillisecondOfThePeriodEvenly() {
    long[] offsets = IntStream.range(0, 50).mapToLong(i -> Phases.SPREAD.offsetMillis(i, 50, 20)).toArray();

    assertThat(Arrays.stream(offsets).allMatch(o -> o >= 0 && o < 20)).isTrue();
    assertThat(Arrays.stream(offsets).distinct().count()).isEqualTo(20);
    for (long ms = 0; ms < 20; ms++) {
      long at = ms;
      assertThat(Arrays.stream(offsets).filter(o -> o == at).count()).isBetween(2L, 3L);
    }
  }
}
