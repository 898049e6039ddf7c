package org.sessionchat.session.impl;

import com.hazelcast.cluster.Member;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.sessionchat.session.HangDetection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Judges, ten times a second, whether a member that still holds its connections has gone
 * silent for longer than its heartbeats make likely (a hung process); such a member is handed
 * to Hazelcast's suspicion, which removes it from the member list by its own rules.
 *
 * <p>Why: Hazelcast judges its members' heartbeats once per heartbeat interval (a whole
 * second at least), on top of one tolerated second; see {@link HangDetection}. This reads the
 * same heartbeats at a finer step. It runs on a thread of its own, not an event loop, so a
 * busy node's event loops do not delay it. When this node itself was paused (its own tick
 * late: a stop, a long GC, a starved machine) it judges nobody for a while: the silence it
 * would see is its own.
 */
final class HangDetector implements AutoCloseable {

  /** What the detector reads from, and tells, the cluster. */
  interface Heartbeats {
    /** The cluster clock heartbeats are stamped with, in milliseconds. */
    long now();

    Set<Member> members();

    /** When the last heartbeat from {@code member} arrived (cluster clock), 0 if none yet. */
    long lastHeartbeat(Member member);

    void suspect(Member member, String reason);
  }

  /** The judgment of one member's heartbeats. */
  interface Judge {
    void heartbeat(long at);

    double phi(long now);
  }

  static final long TICK_MILLIS = 100;
  /** A tick this late means this node was not running. */
  static final long LATE_TICK_MILLIS = 500;
  /** After this node was not running: time for the members' heartbeats to reach it again. */
  static final long GRACE_MILLIS = 2_000;
  private static final long HEARTBEAT_INTERVAL_MILLIS = 1_000;
  private static final Logger LOG = LoggerFactory.getLogger(HangDetector.class);

  private final HangDetection detection;
  private final Heartbeats heartbeats;
  private final Function<HangDetection, Judge> judges;
  private final Function<String, String> names;
  private final Map<UUID, Watch> watches = new HashMap<>();
  private boolean ticked;
  private long lastTickNanos;
  private long graceUntilNanos;
  private ScheduledExecutorService timer;

  HangDetector(HangDetection detection, Heartbeats heartbeats, Function<HangDetection, Judge> judges,
      Function<String, String> names) {
    this.detection = detection;
    this.heartbeats = heartbeats;
    this.judges = judges;
    this.names = names;
  }

  /** A detector with Hazelcast's phi-accrual judgment, started. */
  static HangDetector start(HangDetection detection, Heartbeats heartbeats, Function<String, String> names) {
    HangDetector detector = new HangDetector(detection, heartbeats,
        d -> HazelcastInternals.phiAccrual(d, HEARTBEAT_INTERVAL_MILLIS), names);
    detector.timer = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread thread = new Thread(task, "hang-detector");
      thread.setDaemon(true);
      return thread;
    });
    detector.timer.scheduleWithFixedDelay(detector::tickSafely, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    return detector;
  }

  private void tickSafely() {
    try {
      tick(System.nanoTime());
    } catch (RuntimeException e) {
      LOG.warn("hang detection tick failed", e);
    }
  }

  /** One look at every member's heartbeats; {@code nanos} is this node's monotonic clock. */
  void tick(long nanos) {
    if (!ticked) {
      ticked = true;
      graceUntilNanos = nanos;
    } else if (nanos - lastTickNanos > TimeUnit.MILLISECONDS.toNanos(LATE_TICK_MILLIS)) {
      graceUntilNanos = nanos + TimeUnit.MILLISECONDS.toNanos(GRACE_MILLIS);
      LOG.info("this node did not run for {} ms; judging no member silent for {} ms",
          TimeUnit.NANOSECONDS.toMillis(nanos - lastTickNanos), GRACE_MILLIS);
    }
    lastTickNanos = nanos;
    long now = heartbeats.now();
    Set<UUID> present = new HashSet<>();
    for (Member member : heartbeats.members()) {
      if (member.localMember()) {
        continue;
      }
      present.add(member.getUuid());
      Watch watch = watches.computeIfAbsent(member.getUuid(), uuid -> new Watch(judges.apply(detection)));
      long last = heartbeats.lastHeartbeat(member);
      if (last == 0) {
        continue;
      }
      if (last != watch.lastHeartbeat) {
        watch.judge.heartbeat(last);
        watch.lastHeartbeat = last;
        watch.suspected = false;
      }
      if (watch.suspected || nanos - graceUntilNanos < 0) {
        continue;
      }
      double phi = watch.judge.phi(now);
      if (phi >= detection.phiThreshold()) {
        watch.suspected = true;
        String reason = String.format("no heartbeat for %d ms (phi %.1f >= %.1f)", now - last, phi,
            detection.phiThreshold());
        LOG.warn("node {} is silent: {}; suspecting it", nameOf(member), reason);
        heartbeats.suspect(member, "hang detector: " + reason);
      }
    }
    watches.keySet().retainAll(present);
  }

  /** The member's node name where known: its Vert.x node id mapped by {@code names}, else its address. */
  String nameOf(Member member) {
    String nodeId = member.getAttribute(ClusterMembership.NODE_ID_ATTRIBUTE);
    return nodeId == null ? String.valueOf(member.getAddress()) : names.apply(nodeId);
  }

  @Override
  public void close() {
    if (timer != null) {
      timer.shutdownNow();
    }
  }

  /** What the detector knows of one member. */
  private static final class Watch {
    final Judge judge;
    long lastHeartbeat;
    boolean suspected;

    Watch(Judge judge) {
      this.judge = judge;
    }
  }
}
