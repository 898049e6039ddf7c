package org.sessionchat.bench.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.sessionchat.bench.ledger.PairLedger.Arrival;

class PairLedgerTest {

  private final PairLedger pair = new PairLedger();

  @Test
  void messagesInOrderAreNeitherLostNorReordered() {
    for (long seq = 0; seq < 100; seq++) {
      assertThat(pair.record(seq)).isEqualTo(Arrival.IN_ORDER);
    }

    assertThat(Tally.of(pair, 100)).isEqualTo(new Tally(100, 100, 0, 0, 0));
  }

  @Test
  void secondCopyIsADuplicateAndCountsOnce() {
    pair.record(0);
    pair.record(1);

    assertThat(pair.record(1)).isEqualTo(Arrival.DUPLICATE);
    assertThat(Tally.of(pair, 2)).isEqualTo(new Tally(2, 2, 0, 1, 0));
  }

  @Test
  void earlierMessageAfterALaterOneIsReordered() {
    pair.record(0);
    pair.record(2);

    assertThat(pair.record(1)).isEqualTo(Arrival.REORDERED);
    assertThat(Tally.of(pair, 3)).isEqualTo(new Tally(3, 3, 0, 0, 1));
  }

  @Test
  void messagesNeverSeenAreLostIncludingTheTail() {
    pair.record(0);
    pair.record(2);

    assertThat(Tally.of(pair, 5)).isEqualTo(new Tally(5, 2, 3, 0, 0));
  }

  @Test
  void arrivalsBeyondTheCountedMessagesAreNotReceivedOnes() {
    pair.record(0);
    pair.record(1);
    pair.record(2);

    assertThat(Tally.of(pair, 2)).isEqualTo(new Tally(2, 2, 0, 0, 0));
  }

  @Test
  void receiverThatGotNothingLostEverything() {
    assertThat(Tally.of(new PairLedger(), 7).lost()).isEqualTo(7);
  }

  @Test
  void talliesAdd() {
    assertThat(new Tally(1, 2, 3, 4, 5).plus(new Tally(10, 20, 30, 40, 50)))
        .isEqualTo(new Tally(11, 22, 33, 44, 55));
  }
}
