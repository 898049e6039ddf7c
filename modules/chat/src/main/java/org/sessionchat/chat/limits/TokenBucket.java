package org.sessionchat.chat.limits;

import java.util.function.LongSupplier;

/**
 * A token bucket: holds up to {@code capacity} tokens and gains {@code perSecond} tokens a
 * second; taking one fails when the bucket is empty.
 *
 * <p>Why a bucket and not a fixed window: it lets a person paste a few lines at once (the
 * burst) yet bounds what a script can send over time, and it needs no timer — the refill is
 * computed from the clock when a token is asked for. Not thread-safe: one bucket per
 * connection, used from its context.
 */
public final class TokenBucket {

  private static final double NANOS_PER_SECOND = 1e9;

  private final double capacity;
  private final double perNano;
  private final LongSupplier clock;
  private double tokens;
  private long refilledAt;

  /**
   * @param capacity  the most tokens the bucket holds (the burst); it starts full
   * @param perSecond tokens added per second
   * @param clock     nanosecond clock, {@link System#nanoTime} outside tests
   */
  public TokenBucket(double capacity, double perSecond, LongSupplier clock) {
    if (capacity < 1 || perSecond <= 0) {
      throw new IllegalArgumentException("capacity must be >= 1 and rate > 0: " + capacity + ", " + perSecond);
    }
    this.capacity = capacity;
    this.perNano = perSecond / NANOS_PER_SECOND;
    this.clock = clock;
    this.tokens = capacity;
    this.refilledAt = clock.getAsLong();
  }

  public TokenBucket(double capacity, double perSecond) {
    this(capacity, perSecond, System::nanoTime);
  }

  /** Takes one token if there is one. */
  public boolean tryTake() {
    refill();
    if (tokens >= 1) {
      tokens -= 1;
      return true;
    }
    return false;
  }

  /** Nanoseconds until a token is there to take; 0 if one is there now. */
  public long nanosUntilToken() {
    refill();
    return tokens >= 1 ? 0 : (long) Math.ceil((1 - tokens) / perNano);
  }

  private void refill() {
    long now = clock.getAsLong();
    tokens = Math.min(capacity, tokens + (now - refilledAt) * perNano);
    refilledAt = now;
  }
}
