package org.sessionchat.session.wire;

import java.util.Arrays;
import java.util.List;

/**
 * The envelopes of one broadcast that go to one place, as one event-bus message: to one
 * other node, or to one event loop of this node. A room of N members thereby puts a handful
 * of messages on the bus per chat line instead of N.
 *
 * <p>Every envelope in it is still a message of its own session: the monitor interceptors
 * check each one with its own session's FSM, at the sender and at the receiver, exactly as if
 * it had travelled alone. An envelope an interceptor refuses is {@linkplain #drop dropped}
 * from the batch (the body of an event-bus message cannot be replaced on its way), and only
 * the rest is delivered, or encoded for another node.
 *
 * <p>Handed from the sending thread to the receiving event loop through the event bus (whose
 * task queue orders the two); never used by two threads at once.
 */
public final class EnvelopeBatch {

  private final Envelope[] envelopes;
  private final boolean[] dropped;
  private final Object[] receivers;
  private int remaining;

  public EnvelopeBatch(List<Envelope> envelopes) {
    this(envelopes.toArray(new Envelope[0]), null, envelopes.size());
  }

  /**
   * The first {@code count} of {@code envelopes} (copied), each with what the sender knows of
   * its receiver on this node ({@code receiverHints}, copied; null for none): see
   * {@link #receiverHint}.
   */
  public EnvelopeBatch(Envelope[] envelopes, Object[] receiverHints, int count) {
    this.envelopes = Arrays.copyOf(envelopes, count);
    this.dropped = new boolean[count];
    this.receivers = receiverHints == null ? new Object[count] : Arrays.copyOf(receiverHints, count);
    this.remaining = count;
  }

  /** Envelopes in the batch, dropped ones included (indexes stay put). */
  public int size() {
    return envelopes.length;
  }

  public Envelope get(int index) {
    return envelopes[index];
  }

  public boolean isDropped(int index) {
    return dropped[index];
  }

  /** Takes the envelope at {@code index} out: it is not delivered, nor encoded for another node. */
  public void drop(int index) {
    if (!dropped[index]) {
      dropped[index] = true;
      remaining--;
    }
  }

  /**
   * The receiving side's check let the envelope at {@code index} pass for {@code receiver}
   * (the receiving runtime's own record of the receiver's session, or null if it has none),
   * so the batch consumer hands it on without looking the receiver up again. The check sets
   * this for every envelope it does not drop, so whatever a sender put here is overwritten.
   */
  public void passed(int index, Object receiver) {
    receivers[index] = receiver;
  }

  /**
   * Before the receiving side's check: what the sending runtime on the same node knows of the
   * receiver of the envelope at {@code index} (its record of the receiving actor), or null. A
   * hint only, which spares the check a look-up when it proves to be the actor the envelope
   * names; never trusted as it stands, and replaced by {@link #passed}.
   */
  public Object receiverHint(int index) {
    return receivers[index];
  }

  /** What {@link #passed} recorded for the envelope at {@code index}. */
  public Object receiver(int index) {
    return receivers[index];
  }

  /** Envelopes not dropped. */
  public int remaining() {
    return remaining;
  }

  @Override
  public String toString() {
    return "EnvelopeBatch[" + remaining + " of " + envelopes.length + "]";
  }
}
