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
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.sessionchat.session.HangDetection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Judges, ten times a second, whether a member that still holds its connections has gone
 * silent for longer than its heartbeats make likely (a hung process); such a member is handed
 * to Hazelcast's suspicion, which removes it from the member list by its own rules.
 *
 * <p>Before it suspects, it asks: from 1.3 s of silence on, the member's node is asked every
 * 0.2 s over the event bus whether it runs ({@link Prober}); a member that answered in the
 * last 0.7 s is not suspected, however silent its heartbeats (they can be dropped while a busy
 * member handles a change of the member list), and a member is suspected only after its first
 * question went 0.5 s unanswered. A stopped process answers nothing, and by the time its
 * heartbeats' silence is judged unlikely it has been asked for longer than that. A node that
 * has no one to answer yet (still starting) cannot tell: such a member is left to Hazelcast's
 * own, more patient check.
 *
 * <p>While a member's heartbeats come, its node is asked every {@link #KEEP_ASKING_MILLIS} too,
 * answer unused: the event bus finds the way to a node (its address's subscribers, the node's
 * host and port, a connection each way) through Hazelcast's partitioned maps, and the first
 * question after a member left would wait for their partitions to move, half a second and
 * more, exactly when a member busy with that change drops heartbeats. Asked all along, the way
 * is known and open before a silence needs it.
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

  /** A second opinion: asks a member's node, by another way than Hazelcast, whether it runs. */
  interface Prober {
    /**
     * Asks node {@code nodeId}; {@code answer} is called (on any thread) if it answers as a
     * fellow member, or if it cannot be asked at all; nothing is called if the question goes
     * unanswered.
     */
    void ask(String nodeId, Consumer<Answer> answer);
  }

  /** What a question on the event bus brought back. */
  enum Answer {
    /** The node answered: it runs and lists this node as a member. */
    RUNS,
    /**
     * The node has no one to answer yet (it is still starting): the question cannot tell, and
     * the member is left to Hazelcast's own check.
     */
    CANNOT_TELL
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
  /** Silence after which the member is asked, every {@link #ASK_EVERY_MILLIS}, whether it runs. */
  static final long ASK_AFTER_MILLIS = 1_300;
  static final long ASK_EVERY_MILLIS = 200;
  /** How long the first question must have gone unanswered before a suspicion. */
  static final long UNANSWERED_MILLIS = 500;
  /** An answer this recent means the member runs, whatever its heartbeats say. */
  static final long ANSWER_COUNTS_MILLIS = 700;
  /** While heartbeats come: how often a member's node is asked anyway, to keep the way to it known. */
  static final long KEEP_ASKING_MILLIS = 2_000;
  private static final Logger LOG = LoggerFactory.getLogger(HangDetector.class);

  private final HangDetection detection;
  private final Heartbeats heartbeats;
  private final Prober prober;
  private final LongSupplier clock;
  private final Function<String, String> names;
  private final Map<UUID, Watch> watches = new HashMap<>();
  private boolean ticked;
  private long lastTickNanos;
  private long graceUntilNanos;
  private ScheduledExecutorService timer;

  HangDetector(HangDetection detection, Heartbeats heartbeats, Prober prober, LongSupplier clock,
      Function<String, String> names) {
    this.detection = detection;
    this.heartbeats = heartbeats;
    this.prober = prober;
    this.clock = clock;
    this.names = names;
  }

  /** A detector with Hazelcast's phi-accrual judgment and {@code prober}'s second opinion, started. */
  static HangDetector start(HangDetection detection, Heartbeats heartbeats, Prober prober,
      Function<String, String> names) {
    HangDetector detector = new HangDetector(detection, heartbeats, prober, System::nanoTime, names);
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
      tick(clock.getAsLong());
    } catch (RuntimeException e) {
      LOG.warn("hang detection tick failed", e);
    }
  }

  /** One look at every member's heartbeats; {@code nanos} is this node's monotonic clock, {@link #clock}. */
  void tick(long nanos) {
    if (!ticked) {
      ticked = true;
      graceUntilNanos = nanos;
    } else if (nanos - lastTickNanos > millis(LATE_TICK_MILLIS)) {
      graceUntilNanos = nanos + millis(GRACE_MILLIS);
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
      Watch watch = watches.computeIfAbsent(member.getUuid(), uuid -> new Watch(new SettlingJudge(this::phiAccrual)));
      long last = heartbeats.lastHeartbeat(member);
      keepAsking(member, watch, last == 0 ? 0 : now - last, nanos);
      if (last == 0) {
        continue;
      }
      if (last != watch.lastHeartbeat) {
        watch.judge.heartbeat(last);
        watch.heartbeatAgain(last);
      }
      if (!watch.suspected && nanos - graceUntilNanos >= 0) {
        judge(member, watch, now - last, now, nanos);
      }
    }
    watches.keySet().retainAll(present);
  }

  /** {@code member} has been silent for {@code silence} ms: ask its node, and suspect it if that is due. */
  private void judge(Member member, Watch watch, long silence, long now, long nanos) {
    String nodeId = member.getAttribute(ClusterMembership.NODE_ID_ATTRIBUTE);
    if (silence >= ASK_AFTER_MILLIS && nodeId != null
        && (watch.firstAskNanos == 0 || nanos - watch.lastAskNanos >= millis(ASK_EVERY_MILLIS))) {
      ask(watch, nodeId, nanos);
    }
    double phi = watch.judge.phi(now);
    if (phi < detection.phiThreshold()) {
      return;
    }
    long answered = watch.answeredNanos;
    if (watch.firstAskNanos != 0 && answered - watch.firstAskNanos >= 0
        && nanos - answered < millis(ANSWER_COUNTS_MILLIS)) {
      if (!watch.answerSeen) {
        watch.answerSeen = true;
        LOG.info(watch.answer == Answer.RUNS
                ? "node {} sent no heartbeat for {} ms but answers on the event bus: not suspecting it"
                : "node {} sent no heartbeat for {} ms and cannot be asked on the event bus yet: leaving it to"
                    + " Hazelcast's own check", nameOf(member), silence);
      }
      return;
    }
    if (nodeId != null && (watch.firstAskNanos == 0 || nanos - watch.firstAskNanos < millis(UNANSWERED_MILLIS))) {
      return; // not asked long enough yet
    }
    watch.suspected = true;
    String reason = String.format("no heartbeat for %d ms (phi %.1f >= %.1f)%s", silence, phi,
        detection.phiThreshold(), nodeId == null ? "" : ", no answer on the event bus");
    LOG.warn("node {} is silent: {}; suspecting it", nameOf(member), reason);
    heartbeats.suspect(member, "hang detector: " + reason);
  }

  /**
   * Asks {@code member}'s node every {@link #KEEP_ASKING_MILLIS} while it is not silent (its
   * silence's own questions take over from {@link #ASK_AFTER_MILLIS}); the answer counts only
   * if it comes after a silence's first question.
   */
  private void keepAsking(Member member, Watch watch, long silence, long nanos) {
    String nodeId = member.getAttribute(ClusterMembership.NODE_ID_ATTRIBUTE);
    if (nodeId == null || silence >= ASK_AFTER_MILLIS) {
      return;
    }
    if (watch.keptAskingNanos == 0 || nanos - watch.keptAskingNanos >= millis(KEEP_ASKING_MILLIS)) {
      watch.keptAskingNanos = nanos;
      prober.ask(nodeId, answer -> watch.answered(answer, clock.getAsLong()));
    }
  }

  private Judge phiAccrual() {
    return HazelcastInternals.phiAccrual(detection, HEARTBEAT_INTERVAL_MILLIS);
  }

  private void ask(Watch watch, String nodeId, long nanos) {
    if (watch.firstAskNanos == 0) {
      watch.firstAskNanos = nanos;
    }
    watch.lastAskNanos = nanos;
    prober.ask(nodeId, answer -> watch.answered(answer, clock.getAsLong()));
  }

  private static long millis(long millis) {
    return TimeUnit.MILLISECONDS.toNanos(millis);
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

  /** What the detector knows of one member; the answer's time is written by the prober's thread. */
  private static final class Watch {
    final Judge judge;
    long lastHeartbeat;
    boolean suspected;
    long firstAskNanos;
    long lastAskNanos;
    long keptAskingNanos;
    volatile Answer answer;
    volatile long answeredNanos;
    boolean answerSeen;

    Watch(Judge judge) {
      this.judge = judge;
    }

    /** Called on the prober's thread. */
    void answered(Answer given, long atNanos) {
      answer = given;
      answeredNanos = atNanos;
    }

    /** A heartbeat came: the silence, and the questions of this silence, are over. */
    void heartbeatAgain(long at) {
      lastHeartbeat = at;
      suspected = false;
      firstAskNanos = 0;
      answerSeen = false;
    }
  }
}
