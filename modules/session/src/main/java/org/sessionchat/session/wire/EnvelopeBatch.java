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

  /** One per entry (any batch); null in the compact form. */
  private final Envelope[] envelopes;
  /** The compact form (one broadcast's messages): every field but target actor and session, shared. */
  private final Envelope common;
  private final String[] targetActors;
  private final String[] sessionIds;
  private final int size;
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
    this.common = null;
    this.targetActors = null;
    this.sessionIds = null;
    this.size = count;
    this.dropped = new boolean[count];
    this.receivers = receiverHints == null ? new Object[count] : Arrays.copyOf(receiverHints, count);
    this.remaining = count;
  }

  private EnvelopeBatch(Envelope common, String[] targetActors, String[] sessionIds, Object[] receiverHints,
      int count) {
    this.envelopes = null;
    this.common = common;
    this.targetActors = Arrays.copyOf(targetActors, count);
    this.sessionIds = Arrays.copyOf(sessionIds, count);
    this.size = count;
    this.dropped = new boolean[count];
    this.receivers = receiverHints == null ? new Object[count] : Arrays.copyOf(receiverHints, count);
    this.remaining = count;
  }

  /**
   * One message sent in many sessions (a broadcast), in the compact form: entry i is
   * {@code common} addressed to {@code targetActors[i]} in session {@code sessionIds[i]}
   * (the first {@code count} of each array, copied; {@code receiverHints} as in
   * {@link #EnvelopeBatch(Envelope[], Object[], int)}). Why: the envelopes of a broadcast differ
   * in these two fields only, so they need not be made, nor read by the receiving thread, one
   * by one; {@link #get} still gives each as an envelope of its own.
   *
   * @param common a {@link Envelope.Kind#MESSAGE} envelope; its target actor and session are not read
   */
  public static EnvelopeBatch ofMessage(Envelope common, String[] targetActors, String[] sessionIds,
      Object[] receiverHints, int count) {
    if (common.kind() != Envelope.Kind.MESSAGE) {
      throw new IllegalArgumentException("a compact batch carries session messages: " + common.kind());
    }
    return new EnvelopeBatch(common, targetActors, sessionIds, receiverHints, count);
  }

  /** Entry {@code index} as an envelope of its own (made here for a compact batch). */
  public Envelope get(int index) {
    if (envelopes != null) {
      return envelopes[index];
    }
    return Envelope.message(targetActors[index], common.sourceActor(), sessionIds[index], common.protocol(),
        common.fromRole(), common.toRole(), common.label(), common.payload());
  }

  /**
   * Entry {@code index}'s fields but {@link #targetActor} and {@link #sessionId} (read those
   * here): in the compact form an envelope all entries share, else the entry itself. For the
   * checks, which thereby read one envelope per batch, not one per entry.
   */
  public Envelope common(int index) {
    return envelopes != null ? envelopes[index] : common;
  }

  public String targetActor(int index) {
    return envelopes != null ? envelopes[index].targetActor() : targetActors[index];
  }

  public String sessionId(int index) {
    return envelopes != null ? envelopes[index].sessionId() : sessionIds[index];
  }

  /** Envelopes in the batch, dropped ones included (indexes stay put). */
  public int size() {
    return size;
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
    return "EnvelopeBatch[" + remaining + " of " + size + "]";
  }
}
