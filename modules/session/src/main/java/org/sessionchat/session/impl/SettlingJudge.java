package org.sessionchat.session.impl;

import java.util.function.Supplier;

/**
 * A member's judgment that forgets the member's first heartbeats once regular ones have
 * followed: until {@link #SETTLE_MILLIS} after the first heartbeat it judges by all of them;
 * from then on a second judgment collects the heartbeats alone, and it takes over once
 * {@link #FRESH_BEATS} have come.
 *
 * <p>Why: a member's first heartbeats, as a node sees them, come while a JVM is busiest (the
 * member's start, or the node's own), seconds apart on a loaded machine. A phi-accrual
 * judgment keeps them among its last 60 gaps, and a single 3 s gap among a handful makes
 * over 5 s of silence look likely, for a minute. The second judgment starts from the usual
 * first guess (a gap of about a second), so it takes over only after several heartbeats of its
 * own: a member that still beats irregularly keeps a patient judgment.
 */
final class SettlingJudge implements HangDetector.Judge {

  /** How long after a member's first heartbeat its gaps stop counting as its start. */
  static final long SETTLE_MILLIS = 5_000;
  /** Heartbeats the second judgment needs before it takes over. */
  static final int FRESH_BEATS = 4;

  private enum Stage {
    /** Judging by every heartbeat so far. */
    STARTING,
    /** Still judging by every heartbeat; {@link #later} collects those since the start. */
    SETTLING,
    /** Judging by {@link #later} alone. */
    SETTLED
  }

  private final HangDetector.Judge first;
  private final HangDetector.Judge later;
  private Stage stage = Stage.STARTING;
  private long firstAt;
  private int laterBeats;

  SettlingJudge(Supplier<HangDetector.Judge> judges) {
    this.first = judges.get();
    this.later = judges.get();
  }

  @Override
  public void heartbeat(long at) {
    switch (stage) {
      case STARTING -> {
        first.heartbeat(at);
        if (firstAt == 0) {
          firstAt = at;
        } else if (at - firstAt >= SETTLE_MILLIS) {
          later.heartbeat(at);
          stage = Stage.SETTLING;
        }
      }
      case SETTLING -> {
        first.heartbeat(at);
        later.heartbeat(at);
        if (++laterBeats >= FRESH_BEATS) {
          stage = Stage.SETTLED;
        }
      }
      case SETTLED -> later.heartbeat(at);
    }
  }

  @Override
  public double phi(long now) {
    return stage == Stage.SETTLED ? later.phi(now) : first.phi(now);
  }
}
