package org.sessionchat.chat.limits;

import java.time.Duration;

/**
 * Flood control settings for one connection: {@code linesPerSecond} sustained with bursts of
 * {@code burst} lines. Lines over the rate are not dropped but read later (see
 * {@link FloodGate}); a client held back without a break for {@code floodTimeout} is
 * disconnected.
 *
 * @param linesPerSecond sustained rate of lines a client may send; 0 = no flood control
 * @param burst          lines a client may send at once after a quiet spell
 * @param floodTimeout   how long a client may stay over the rate without a break before it is
 *                       disconnected; {@link Duration#ZERO} = never
 */
public record RateLimit(double linesPerSecond, int burst, Duration floodTimeout) {

  /** No flood control (for benchmarks). */
  public static final RateLimit OFF = new RateLimit(0, 1, Duration.ZERO);

  public boolean enabled() {
    return linesPerSecond > 0;
  }
}
