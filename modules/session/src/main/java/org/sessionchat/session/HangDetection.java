package org.sessionchat.session;

import java.time.Duration;
import java.util.Objects;

/**
 * How a clustered node judges a member that has gone silent without closing its connections
 * (a hung process: {@code SIGSTOP}, a long GC pause, a frozen VM).
 *
 * <p>Why the runtime judges it and not only Hazelcast: Hazelcast receives a heartbeat from every
 * member each second but looks at them only once per heartbeat interval, a whole number of
 * seconds, and always tolerates one second of silence on top of what its phi-accrual detector
 * allows, so a hung member is suspected 2.5-3.5 s after it stopped. The runtime reads the same
 * heartbeats ten times a second and judges them with the same phi-accrual detector (the gaps
 * seen from that member lately), with a shorter tolerated pause; a member it judges hung is
 * handed to Hazelcast's own suspicion, which removes it the usual way (the master's new member
 * list, or a new master when the silent one was master). A busy machine makes heartbeats
 * irregular, and the detector then waits longer by itself.
 *
 * @param acceptablePause silence always tolerated on top of the usual gap between heartbeats;
 *                        zero turns the runtime's judgment off (Hazelcast's own remains)
 * @param phiThreshold    suspicion level at which a member is judged hung (phi: minus log10 of
 *                        the chance that a live member stays silent this long)
 */
public record HangDetection(Duration acceptablePause, double phiThreshold) {

  /** 0.5 s tolerated, phi 5: about 1.9 s of silence between members that beat regularly. */
  public static final HangDetection DEFAULT = new HangDetection(Duration.ofMillis(500), 5);

  /** Hazelcast's own heartbeat check only. */
  public static final HangDetection OFF = new HangDetection(Duration.ZERO, 5);

  public HangDetection {
    Objects.requireNonNull(acceptablePause, "acceptablePause");
    if (acceptablePause.isNegative()) {
      throw new IllegalArgumentException("acceptable pause must not be negative: " + acceptablePause);
    }
    if (!(phiThreshold > 0)) {
      throw new IllegalArgumentException("phi threshold must be positive: " + phiThreshold);
    }
  }

  /** The runtime judges silent members itself. */
  public boolean enabled() {
    return !acceptablePause.isZero();
  }
}
