package org.sessionchat.chat.limits;

/**
 * Decides, line by line, whether a connection may go on: a {@link TokenBucket} for the
 * lines themselves and a second one that counts refused lines, so that a client who only
 * bumps into the limit now and then is told so ({@code ERROR:RATE_LIMITED} for each line
 * dropped) while one who keeps flooding is disconnected.
 *
 * <p>Why two buckets: after a burst a person's next lines are refused for a moment, which is
 * a warning, not abuse; a script that ignores the warnings drains the second bucket, which
 * refills at half the allowed line rate, within {@link RateLimit#abuseLines()} more lines.
 * Not thread-safe: one per connection.
 */
public final class FloodGuard {

  /** What to do with a line. */
  public enum Verdict {
    /** Handle it. */
    PASS,
    /** Drop it and answer {@code ERROR:RATE_LIMITED}. */
    REFUSE,
    /** Drop it and close the connection. */
    DISCONNECT
  }

  private final TokenBucket lines;
  private final TokenBucket refusals;

  public FloodGuard(RateLimit limit) {
    this.lines = new TokenBucket(limit.burst(), limit.linesPerSecond());
    this.refusals = new TokenBucket(limit.abuseLines(), limit.linesPerSecond() / 2);
  }

  /** Accounts for one more line from the client. */
  public Verdict onLine() {
    if (lines.tryTake()) {
      return Verdict.PASS;
    }
    return refusals.tryTake() ? Verdict.REFUSE : Verdict.DISCONNECT;
  }
}
