package org.sessionchat.chat.net;

import java.util.EnumSet;
import java.util.Set;
import org.sessionchat.chat.limits.FloodGate;

/**
 * Who holds a connection's reading stopped: the socket is read only while nobody does.
 *
 * <p>Why: several stages push back on one socket (the connection before it is started, flood
 * control, the client's backlog of unanswered commands). Each must be able to stop reading
 * without another stage's "go on" undoing it; a plain pause/resume would let the backlog's
 * resume read a flooder at full speed again. Not thread-safe: one per connection, used from
 * its context.
 */
public final class ReadHolds {

  /** The stages that may stop reading. */
  public enum Holder {
    /** The connection is not started yet. */
    NOT_STARTED,
    /** Flood control: lines wait for their turn. */
    FLOOD,
    /** Too many commands wait for an answer. */
    BACKLOG
  }

  private final Set<Holder> holders = EnumSet.of(Holder.NOT_STARTED);
  private final Runnable pause;
  private final Runnable resume;

  /** Starts held by {@link Holder#NOT_STARTED}, so the socket must be paused already. */
  public ReadHolds(Runnable pause, Runnable resume) {
    this.pause = pause;
    this.resume = resume;
  }

  /** {@code holder} stops reading (it may already be stopped by another). */
  public void hold(Holder holder) {
    boolean wasReading = holders.isEmpty();
    holders.add(holder);
    if (wasReading) {
      pause.run();
    }
  }

  /** {@code holder} no longer stops reading; reading resumes if nobody else does. */
  public void release(Holder holder) {
    if (holders.remove(holder) && holders.isEmpty()) {
      resume.run();
    }
  }

  /** True if {@code holder} stops reading now. */
  public boolean isHeldBy(Holder holder) {
    return holders.contains(holder);
  }

  /**
   * Flood control's view of the connection these holds read for: waiting lines hold reading
   * as {@link Holder#FLOOD}, and {@code saturated} closes the connection.
   */
  public FloodGate.Source floodSource(Runnable saturated) {
    return new FloodGate.Source() {
      @Override
      public void hold() {
        ReadHolds.this.hold(Holder.FLOOD);
      }

      @Override
      public void release() {
        ReadHolds.this.release(Holder.FLOOD);
      }

      @Override
      public void saturated() {
        saturated.run();
      }
    };
  }
}
