package org.sessionchat.chat.limits;

/**
 * Flood control settings for one connection: {@code linesPerSecond} sustained with bursts of
 * {@code burst} lines; a client that keeps going past the limit for {@code abuseLines}
 * refused lines (forgiven at half the line rate) is disconnected.
 *
 * @param linesPerSecond sustained rate of lines a client may send; 0 = no limit
 * @param burst          lines a client may send at once after a quiet spell
 * @param abuseLines     refused lines, net of forgiveness, before the connection is closed
 */
public record RateLimit(double linesPerSecond, int burst, int abuseLines) {

  /** No flood control (for benchmarks). */
  public static final RateLimit OFF = new RateLimit(0, 1, 1);

  public boolean enabled() {
    return linesPerSecond > 0;
  }
}
