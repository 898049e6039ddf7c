package org.sessionchat.chat.cluster;

import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.LifecycleEvent;
import com.hazelcast.core.LifecycleListener;
import io.vertx.core.Context;
import java.util.Optional;
import java.util.UUID;
import org.sessionchat.session.SessionRuntime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the chat when its cluster grew or came back together: a member joined, or this node
 * merged back into the others after a split or a long pause. The session runtime reports
 * only members that leave.
 *
 * <p>Why the chat needs it: after a heal both sides' room registries are merged by Hazelcast,
 * which knows nothing of rooms; each node then checks its own rooms against the merged
 * registry (see {@code RoomManager#reconcile}). The callback runs on the context given.
 */
public final class ClusterChanges implements MembershipListener, LifecycleListener, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ClusterChanges.class);

  private final HazelcastInstance hazelcast;
  private final Context context;
  private final Runnable onChange;
  private UUID membershipRegistration;
  private UUID lifecycleRegistration;

  private ClusterChanges(HazelcastInstance hazelcast, Context context, Runnable onChange) {
    this.hazelcast = hazelcast;
    this.context = context;
    this.onChange = onChange;
  }

  /** Watches the cluster of {@code runtime}; empty if it is not clustered with Hazelcast. */
  public static Optional<ClusterChanges> watch(SessionRuntime runtime, Context context, Runnable onChange) {
    if (runtime.hazelcast().isEmpty()) {
      return Optional.empty();
    }
    ClusterChanges changes = new ClusterChanges(runtime.hazelcast().get(), context, onChange);
    changes.membershipRegistration = changes.hazelcast.getCluster().addMembershipListener(changes);
    changes.lifecycleRegistration = changes.hazelcast.getLifecycleService().addLifecycleListener(changes);
    return Optional.of(changes);
  }

  @Override
  public void memberAdded(MembershipEvent event) {
    context.runOnContext(v -> onChange.run());
  }

  @Override
  public void memberRemoved(MembershipEvent event) {
    // the session runtime reports it (and ends the sessions first)
  }

  @Override
  public void stateChanged(LifecycleEvent event) {
    if (event.getState() == LifecycleEvent.LifecycleState.MERGED) {
      log.info("This node merged back into its cluster; checking its rooms against the registry");
      context.runOnContext(v -> onChange.run());
    }
  }

  @Override
  public void close() {
    try {
      hazelcast.getCluster().removeMembershipListener(membershipRegistration);
      hazelcast.getLifecycleService().removeLifecycleListener(lifecycleRegistration);
    } catch (RuntimeException e) {
      // Hazelcast already shut down: nothing to remove
    }
  }
}
