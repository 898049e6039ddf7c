package org.sessionchat.chat.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketTest {

  private final AtomicLong now = new AtomicLong();

  @Test
  void allowsABurstThenRefillsAtTheRate() {
    TokenBucket bucket = new TokenBucket(3, 2, now::get);
    assertThat(take(bucket, 5)).isEqualTo(3);
    now.addAndGet(500_000_000L); // half a second: one token at 2 per second
    assertThat(take(bucket, 5)).isEqualTo(1);
    now.addAndGet(60_000_000_000L); // a minute: full again, never more than the burst
    assertThat(take(bucket, 10)).isEqualTo(3);
  }

  @Test
  void tellsHowLongUntilTheNextToken() {
    TokenBucket bucket = new TokenBucket(1, 4, now::get);
    assertThat(bucket.nanosUntilToken()).isZero();
    assertThat(bucket.tryTake()).isTrue();
    assertThat(bucket.nanosUntilToken()).isEqualTo(250_000_000L);
    now.addAndGet(100_000_000L);
    assertThat(bucket.nanosUntilToken()).isEqualTo(150_000_000L);
    now.addAndGet(150_000_000L);
    assertThat(bucket.tryTake()).isTrue();
  }

  private static int take(TokenBucket bucket, int attempts) {
    int taken = 0;
    for (int i = 0; i < attempts; i++) {
      taken += bucket.tryTake() ? 1 : 0;
    }
    return taken;
  }
}
