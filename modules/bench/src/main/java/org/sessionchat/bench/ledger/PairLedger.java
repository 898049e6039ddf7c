package org.sessionchat.bench.ledger;

import java.util.BitSet;

/**
 * What one receiver got from one sender: which sequence numbers arrived, so that a second
 * copy is a duplicate, an arrival below the highest one seen is a reordering, and every
 * number never seen is a loss. Touched by the receiver's event-loop thread only.
 */
public final class PairLedger {

  private final BitSet seen = new BitSet();
  private long highest = -1;
  private long unique;
  private long duplicated;
  private long reordered;

  /** Records the arrival of {@code seq}; tells whether it was the first copy. */
  public Arrival record(long seq) {
    if (seq < 0 || seq > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("sequence number out of range: " + seq);
    }
    int index = (int) seq;
    if (seen.get(index)) {
      duplicated++;
      return Arrival.DUPLICATE;
    }
    seen.set(index);
    unique++;
    if (seq < highest) {
      reordered++;
      return Arrival.REORDERED;
    }
    highest = seq;
    return Arrival.IN_ORDER;
  }

  public long unique() {
    return unique;
  }

  public long duplicated() {
    return duplicated;
  }

  public long reordered() {
    return reordered;
  }

  /** Messages of the first {@code sent} that never arrived. */
  public long lostOf(long sent) {
    return sent - seen.get(0, (int) Math.min(sent, Integer.MAX_VALUE)).cardinality();
  }

  /** How one message arrived. */
  public enum Arrival {
    IN_ORDER, REORDERED, DUPLICATE
  }
}
