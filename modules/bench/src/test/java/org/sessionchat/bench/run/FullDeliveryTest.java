package org.sessionchat.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FullDeliveryTest {

  @Test
  void aMessageCountsOnlyOnceItsLastReceiverHasIt() {
    FullDelivery delivery = new FullDelivery(3, 4);
    assertThat(delivery.received(0)).isFalse();
    assertThat(delivery.received(0)).isFalse();
    assertThat(delivery.reachedAll()).isZero();
    assertThat(delivery.received(0)).isTrue();
    assertThat(delivery.reachedAll()).isEqualTo(1);
  }

  @Test
  void oneReceiverThatFallsBehindHoldsItBackHoweverFarTheOthersGot() {
    FullDelivery delivery = new FullDelivery(3, 200);
    for (long seq = 0; seq < 200; seq++) {
      delivery.received(seq);
      delivery.received(seq);
    }
    assertThat(delivery.reachedAll()).isZero();
    for (long seq = 0; seq < 10; seq++) {
      delivery.received(seq);
    }
    assertThat(delivery.reachedAll()).isEqualTo(10);
  }

  @Test
  void countsMessagesFarPastTheWindowAsTheRingComesRound() {
    FullDelivery delivery = new FullDelivery(2, 3);
    for (long seq = 0; seq < 1_000; seq++) {
      delivery.received(seq);
      assertThat(delivery.reachedAll()).isEqualTo(seq);
      delivery.received(seq);
      assertThat(delivery.reachedAll()).isEqualTo(seq + 1);
    }
  }
}
