package org.sessionchat.bench.ledger;

/**
 * Delivery accounting of a whole run, summed over every (sender, receiver) pair.
 *
 * @param expected   deliveries that should have happened: each sent message times the other members
 * @param received   distinct deliveries
 * @param lost       expected deliveries that never came
 * @param duplicated extra copies of a delivery
 * @param reordered  deliveries that came after a later message of the same sender
 */
public record Tally(long expected, long received, long lost, long duplicated, long reordered) {

  public static final Tally ZERO = new Tally(0, 0, 0, 0, 0);

  public Tally plus(Tally other) {
    return new Tally(expected + other.expected, received + other.received, lost + other.lost,
        duplicated + other.duplicated, reordered + other.reordered);
  }

  /**
   * The tally of one pair over the sender's first {@code sent} messages (all of them, or those
   * sent before a server was killed); later arrivals are not counted as received.
   */
  public static Tally of(PairLedger pair, long sent) {
    long lost = pair.lostOf(sent);
    return new Tally(sent, sent - lost, lost, pair.duplicated(), pair.reordered());
  }
}
