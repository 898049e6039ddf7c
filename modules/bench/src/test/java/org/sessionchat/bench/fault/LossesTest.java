package org.sessionchat.bench.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LossesTest {

  @Test
  void aLivePairOwesEveryLineSentAndCountsWhatIsMissingOutOfOrderOrTwice() {
    Losses pair = Losses.ofPair(5, List.of(1, 3, 2, 3, 5), true);

    assertThat(pair).isEqualTo(new Losses(1, 5, 1, 1, 1, 0, 0));
  }

  @Test
  void aCutPairOwesNothingAndCountsWhatWentWithTheSession() {
    Losses pair = Losses.ofPair(5, List.of(1, 2), false);

    assertThat(pair).isEqualTo(new Losses(0, 0, 0, 0, 0, 1, 3));
  }

  @Test
  void pairsAddUp() {
    assertThat(Losses.ofPair(3, List.of(1, 2, 3), true).plus(Losses.ofPair(2, List.of(), false)))
        .isEqualTo(new Losses(1, 3, 0, 0, 0, 1, 2));
  }
}
