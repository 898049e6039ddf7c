package org.sessionchat.session.impl;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.instance.impl.HazelcastInstanceImpl;
import com.hazelcast.instance.impl.HazelcastInstanceProxy;
import com.hazelcast.internal.cluster.fd.PhiAccrualFailureDetector;
import com.hazelcast.internal.cluster.impl.ClusterServiceImpl;
import java.util.Set;
import org.sessionchat.session.HangDetection;

/**
 * The one place the runtime reaches into Hazelcast's internal API.
 *
 * <p>Why it is needed at all: Hazelcast's public API neither shows when a member's last
 * heartbeat arrived nor lets a member be suspected; both are what {@link HangDetector} needs
 * to judge a hung member faster than Hazelcast's once-a-second check and then let Hazelcast
 * remove it by its own rules. The judgment itself is Hazelcast's phi-accrual detector.
 */
final class HazelcastInternals {

  private static final int SAMPLE_SIZE = 60;
  private static final double MIN_STD_DEVIATION_MILLIS = 100;

  private HazelcastInternals() {
  }

  /** The heartbeats {@code instance} receives, and its suspicion of a member. */
  static HangDetector.Heartbeats heartbeats(HazelcastInstance instance) {
    ClusterServiceImpl cluster = original(instance).node.getClusterService();
    return new HangDetector.Heartbeats() {
      @Override
      public long now() {
        return cluster.getClusterClock().getClusterTime();
      }

      @Override
      public Set<Member> members() {
        return instance.getCluster().getMembers();
      }

      @Override
      public long lastHeartbeat(Member member) {
        return cluster.getClusterHeartbeatManager().getLastHeartbeatTime(member);
      }

      @Override
      public void suspect(Member member, String reason) {
        cluster.suspectMember(member, reason, true);
      }
    };
  }

  /**
   * Hazelcast's phi-accrual detector for one member, fed with heartbeats {@code intervalMillis}
   * apart as a first estimate.
   */
  static HangDetector.Judge phiAccrual(HangDetection detection, long intervalMillis) {
    PhiAccrualFailureDetector detector = new PhiAccrualFailureDetector(detection.phiThreshold(), SAMPLE_SIZE,
        MIN_STD_DEVIATION_MILLIS, detection.acceptablePause().toMillis(), intervalMillis);
    return new HangDetector.Judge() {
      @Override
      public void heartbeat(long at) {
        detector.heartbeat(at);
      }

      @Override
      public double phi(long now) {
        return detector.suspicionLevel(now);
      }
    };
  }

  private static HazelcastInstanceImpl original(HazelcastInstance instance) {
    if (instance instanceof HazelcastInstanceProxy proxy) {
      return proxy.getOriginal();
    }
    if (instance instanceof HazelcastInstanceImpl impl) {
      return impl;
    }
    throw new IllegalArgumentException("not a Hazelcast member: " + instance.getClass().getName());
  }
}
