package org.sessionchat.bench.run;

import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How many of one sender's messages, counted from its first, have reached every one of its
 * receivers: what a sender without a rate holds its window against.
 *
 * <p>Why not the receivers' acknowledgements summed (or averaged): then the receivers that
 * keep up let the sender run on while one that does not falls behind without bound, and what
 * waits for that one piles up in the server as the slow-reader case the server is right to
 * end. Counted per message, the window bounds what is on its way to the slowest receiver.
 *
 * <p>A message's count lives in a ring of {@code window} slots: message {@code s} is sent only
 * once {@code s - window} has reached everyone, whose slot was emptied before that was known,
 * so two messages never share a slot at once. Receivers may count from any thread.
 */
final class FullDelivery {

  private final int receivers;
  private final AtomicIntegerArray counts;
  private final AtomicLong reachedAll = new AtomicLong();

  FullDelivery(int receivers, int window) {
    if (receivers < 1 || window < 1) {
      throw new IllegalArgumentException("receivers and window must be positive: " + receivers + ", " + window);
    }
    this.receivers = receivers;
    this.counts = new AtomicIntegerArray(window);
  }

  /**
   * One receiver got message {@code seq} (once: duplicates are not counted); true if it was
   * the last of them. A receiver gets a sender's messages in order, so when {@code seq} has
   * reached everyone so has every message before it.
   */
  boolean received(long seq) {
    int slot = (int) (seq % counts.length());
    if (counts.incrementAndGet(slot) < receivers) {
      return false;
    }
    counts.set(slot, 0);
    reachedAll.accumulateAndGet(seq + 1, Math::max);
    return true;
  }

  /** Messages, from the first, that every receiver has. */
  long reachedAll() {
    return reachedAll.get();
  }
}
