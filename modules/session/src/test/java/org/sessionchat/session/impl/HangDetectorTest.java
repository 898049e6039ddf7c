package org.sessionchat.session.impl;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.cluster.Address;
import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.impl.MemberImpl;
import com.hazelcast.version.MemberVersion;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.sessionchat.session.HangDetection;

/**
 * The hang detector's judgment over simulated time, with Hazelcast's own phi-accrual detector:
 * when it suspects a silent member, when it must not, and what its settings change.
 */
class HangDetectorTest {

  private static final long SECOND = 1_000;

  /**
   * A cluster seen from one node: heartbeats arrive when the test says, time moves when it
   * says, and a member's node answers a question on the event bus 20 ms later while it runs.
   */
  private static final class SimulatedCluster implements HangDetector.Heartbeats, HangDetector.Prober {
    final Set<Member> members = new LinkedHashSet<>();
    final Map<Member, Long> last = new HashMap<>();
    final List<String> suspected = new ArrayList<>();
    final List<Long> suspectedAt = new ArrayList<>();
    final Map<Consumer<HangDetector.Answer>, Long> answers = new HashMap<>();
    final List<Long> askedAt = new ArrayList<>();
    HangDetector.Answer answering;
    long now = 1_700_000_000_000L;

    Member member(int port, boolean local) throws UnknownHostException {
      Member member = new MemberImpl.Builder(new Address("127.0.0.1", port)).version(new MemberVersion(5, 3, 8))
          .localMember(local).uuid(UUID.randomUUID())
          .attributes(Map.of(ClusterMembership.NODE_ID_ATTRIBUTE, "vertx-" + port)).build();
      members.add(member);
      return member;
    }

    void beat(Member member) {
      last.put(member, now);
    }

    @Override
    public long now() {
      return now;
    }

    @Override
    public Set<Member> members() {
      return members;
    }

    @Override
    public long lastHeartbeat(Member member) {
      return last.getOrDefault(member, 0L);
    }

    @Override
    public void ask(String nodeId, Consumer<HangDetector.Answer> answer) {
      askedAt.add(now);
      if (answering != null) {
        HangDetector.Answer given = answering;
        answers.put(a -> answer.accept(given), now + 20);
      }
    }

    void deliverAnswers() {
      answers.entrySet().removeIf(answer -> {
        if (answer.getValue() > now) {
          return false;
        }
        answer.getKey().accept(null);
        return true;
      });
    }

    @Override
    public void suspect(Member member, String reason) {
      suspected.add(member.getAddress() + " " + reason);
      suspectedAt.add(now);
    }
  }

  private final SimulatedCluster cluster = new SimulatedCluster();

  private HangDetector detector(HangDetection detection) {
    return new HangDetector(detection, cluster, cluster, () -> TimeUnit.MILLISECONDS.toNanos(cluster.now),
        id -> id.replace("vertx-", "node-"));
  }

  /** Advances time by {@code millis} in ticks of the detector, {@code peer} beating every {@code gaps} while alive. */
  private void run(HangDetector detector, long millis, Member peer, long[] gaps, boolean beating) {
    long end = cluster.now + millis;
    int gap = 0;
    long nextBeat = cluster.now;
    while (cluster.now < end) {
      if (beating && cluster.now >= nextBeat) {
        cluster.beat(peer);
        nextBeat = cluster.now + gaps[gap++ % gaps.length];
      }
      cluster.now += 10;
      cluster.deliverAnswers();
      if (cluster.now % HangDetector.TICK_MILLIS == 0) {
        detector.tick(TimeUnit.MILLISECONDS.toNanos(cluster.now));
      }
    }
  }

  private long asksSince(long millis) {
    return cluster.askedAt.stream().filter(at -> at > millis).count();
  }

  private long silenceAtSuspicion(Member peer) {
    return cluster.suspectedAt.get(0) - cluster.last.get(peer);
  }

  @Test
  void aMemberBeatingAboutEverySecondIsNeverSuspected() throws Exception {
    Member peer = cluster.member(5702, false);
    Random random = new Random(7);
    long[] gaps = new long[100];
    for (int i = 0; i < gaps.length; i++) {
      gaps[i] = 950 + random.nextInt(101);
    }
    run(detector(HangDetection.DEFAULT), 120 * SECOND, peer, gaps, true);
    assertThat(cluster.suspected).isEmpty();
  }

  @Test
  void aMemberThatFallsSilentIsSuspectedOnceAboutTwoSecondsAfterItsLastHeartbeat() throws Exception {
    Member peer = cluster.member(5702, false);
    HangDetector detector = detector(HangDetection.DEFAULT);
    run(detector, 30 * SECOND, peer, new long[] {SECOND}, true);
    long lastBeat = cluster.now;
    run(detector, 10 * SECOND, peer, null, false);

    assertThat(cluster.suspected).hasSize(1);
    assertThat(cluster.suspected.get(0)).contains("5702").contains("no heartbeat for");
    assertThat(detector.nameOf(peer)).as("the log names the node").isEqualTo("node-5702");
    assertThat(cluster.suspected.get(0)).contains("no answer on the event bus");
    assertThat(asksSince(lastBeat)).as("asked every 0.2 s from 1.3 s of silence on").isBetween(3L, 5L);
    // 1 s usual gap + 0.5 s tolerated + ~4 standard deviations (0.1 s) for phi 5
    assertThat(silenceAtSuspicion(peer)).isBetween(1_850L, 2_050L);
  }

  @Test
  void aLongerToleratedPauseWaitsLonger() throws Exception {
    Member peer = cluster.member(5702, false);
    HangDetector detector = detector(new HangDetection(Duration.ofMillis(1_500), 5));
    run(detector, 30 * SECOND, peer, new long[] {SECOND}, true);
    long lastBeat = cluster.now;
    run(detector, 10 * SECOND, peer, null, false);

    assertThat(cluster.suspected).hasSize(1);
    assertThat(silenceAtSuspicion(peer)).isBetween(2_850L, 3_050L);
  }

  @Test
  void irregularHeartbeatsMakeItWaitLonger() throws Exception {
    Member peer = cluster.member(5702, false);
    HangDetector detector = detector(HangDetection.DEFAULT);
    run(detector, 60 * SECOND, peer, new long[] {600, 1_400}, true);
    assertThat(cluster.suspected).as("a 1.4 s gap among regular ones is not a hang").isEmpty();
    run(detector, 10 * SECOND, peer, null, false);

    assertThat(cluster.suspected).hasSize(1);
    assertThat(silenceAtSuspicion(peer)).isGreaterThan(2_800L);
  }

  @Test
  void aMembersFirstIrregularHeartbeatsAreForgottenOnceRegularOnesFollowed() throws Exception {
    Member peer = cluster.member(5702, false);
    HangDetector detector = detector(HangDetection.DEFAULT);
    cluster.answering = HangDetector.Answer.RUNS; // a busy start: heartbeats 3 s apart, the node answers
    run(detector, SettlingJudge.SETTLE_MILLIS + 1_000, peer, new long[] {3 * SECOND}, true);
    run(detector, 10 * SECOND, peer, new long[] {SECOND}, true);
    cluster.answering = null;
    run(detector, 10 * SECOND, peer, null, false);

    assertThat(cluster.suspected).hasSize(1);
    // judged by the regular gaps since, as a member that always beat every second (1.85-2.05 s);
    // with the 3 s gaps kept it would wait over 5 s
    assertThat(silenceAtSuspicion(peer)).isBetween(1_850L, 2_300L);
  }

  @Test
  void aMemberThatKeepsBeatingIrregularlyIsStillJudgedPatiently() throws Exception {
    Member peer = cluster.member(5702, false);
    HangDetector detector = detector(HangDetection.DEFAULT);
    long[] gaps = {SECOND, 3 * SECOND};
    cluster.answering = HangDetector.Answer.RUNS; // its first 3 s gap is a surprise: the node answers
    run(detector, 20 * SECOND, peer, gaps, true);
    cluster.answering = null;
    run(detector, 40 * SECOND, peer, gaps, true);
    assertThat(cluster.suspected).as("a 3 s gap after every other heartbeat is its usual").isEmpty();
  }

  @Test
  void afterThisNodeItselfDidNotRunItJudgesNobodyUntilHeartbeatsCameIn() throws Exception {
    Member peer = cluster.member(5702, false);
    HangDetector detector = detector(HangDetection.DEFAULT);
    run(detector, 30 * SECOND, peer, new long[] {SECOND}, true);
    // this node stopped for 10 s: no tick, and no heartbeat was taken in meanwhile
    cluster.now += 10 * SECOND;
    run(detector, HangDetector.GRACE_MILLIS - 200, peer, null, false);
    assertThat(cluster.suspected).as("the silence was this node's own").isEmpty();
    run(detector, 30 * SECOND, peer, new long[] {SECOND}, true);
    assertThat(cluster.suspected).isEmpty();
  }

  @Test
  void aMemberNotHeardFromYetAndThisNodeItselfAreNotJudged() throws Exception {
    Member quiet = cluster.member(5702, false);
    Member self = cluster.member(5701, true);
    HangDetector detector = detector(HangDetection.DEFAULT);
    cluster.beat(self);
    run(detector, 30 * SECOND, quiet, null, false);
    assertThat(cluster.suspected).isEmpty();
  }

  @Test
  void aMemberWhoseNodeAnswersOnTheEventBusIsNotSuspectedWhileItsHeartbeatsAreSilent() throws Exception {
    Member peer = cluster.member(5702, false);
    HangDetector detector = detector(HangDetection.DEFAULT);
    run(detector, 30 * SECOND, peer, new long[] {SECOND}, true);
    cluster.answering = HangDetector.Answer.RUNS;
    long lastBeat = cluster.now;
    run(detector, 5 * SECOND, peer, null, false);
    assertThat(cluster.suspected).as("its heartbeats were dropped, it runs").isEmpty();
    assertThat(asksSince(lastBeat)).isGreaterThan(10);

    cluster.answering = null; // now it stops for real
    long answersStopped = cluster.now;
    run(detector, 3 * SECOND, peer, null, false);
    assertThat(cluster.suspected).hasSize(1);
    long sinceAnswersStopped = cluster.suspectedAt.get(0) - answersStopped;
    assertThat(sinceAnswersStopped).as("the last answer counts for 0.7 s").isBetween(600L, 900L);
  }

  @Test
  void aBeatingMembersNodeIsAskedEveryTwoSecondsSoTheWayToItIsKnownBeforeASilence() throws Exception {
    Member peer = cluster.member(5702, false);
    HangDetector detector = detector(HangDetection.DEFAULT);
    long start = cluster.now;
    run(detector, 30 * SECOND, peer, new long[] {SECOND}, true);
    assertThat(cluster.askedAt.get(0) - start).as("asked as soon as it is seen").isLessThanOrEqualTo(HangDetector.TICK_MILLIS);
    assertThat(cluster.askedAt).as("then every 2 s").hasSize(15);
    assertThat(cluster.suspected).isEmpty();
  }

  @Test
  void aMemberThatStopsIsSuspectedOnTimeThoughItsNodeAnsweredWhileItBeat() throws Exception {
    Member peer = cluster.member(5702, false);
    HangDetector detector = detector(HangDetection.DEFAULT);
    cluster.answering = HangDetector.Answer.RUNS;
    run(detector, 30 * SECOND, peer, new long[] {SECOND}, true);
    long lastBeat = cluster.now;
    cluster.answering = null; // stopped: no more heartbeats, no more answers
    run(detector, 5 * SECOND, peer, null, false);
    assertThat(cluster.suspected).hasSize(1);
    assertThat(silenceAtSuspicion(peer)).isBetween(1_850L, 2_050L);
    assertThat(cluster.askedAt).filteredOn(at -> at > lastBeat).isNotEmpty();
  }

  @Test
  void aMemberWhoseNodeCannotBeAskedYetIsLeftToHazelcast() throws Exception {
    Member peer = cluster.member(5702, false);
    HangDetector detector = detector(HangDetection.DEFAULT);
    run(detector, 30 * SECOND, peer, new long[] {SECOND}, true);
    cluster.answering = HangDetector.Answer.CANNOT_TELL; // a node still starting: nobody answers there yet
    run(detector, 5 * SECOND, peer, null, false);
    assertThat(cluster.suspected).isEmpty();
  }

  @Test
  void aMemberThatBeatsAgainAfterASuspicionIsJudgedAfresh() throws Exception {
    Member peer = cluster.member(5702, false);
    HangDetector detector = detector(HangDetection.DEFAULT);
    run(detector, 30 * SECOND, peer, new long[] {SECOND}, true);
    run(detector, 3 * SECOND, peer, null, false);
    run(detector, 30 * SECOND, peer, new long[] {SECOND}, true);
    run(detector, 3 * SECOND, peer, null, false);
    assertThat(cluster.suspected).hasSize(2);
  }
}
