package org.sessionchat.session.impl;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Which cluster members' sessions have already ended here, so that each departure ends them
 * once: early, when this node found the member's process gone itself, or when Hazelcast's
 * member list drops it, whichever comes first.
 *
 * <p>Why per membership and not per node id for ever: a member that was removed while hung
 * and merges back keeps its node id; its sessions must end again when it really dies. Thread
 * safe: Hazelcast's event thread and the node's event loop both call it.
 */
final class Departures {

  /** Where a member stands on this node. */
  private enum Presence {
    /** In the member list, its sessions alive. */
    MEMBER,
    /** Still in the member list, but found gone here: its sessions ended already. */
    ENDED_EARLY
  }

  private final ConcurrentHashMap<String, Presence> members = new ConcurrentHashMap<>();

  /** {@code nodeId} is in the member list (again). */
  void joined(String nodeId) {
    members.put(nodeId, Presence.MEMBER);
  }

  /** {@code nodeId} was found gone before the member list says so: true if its sessions are to end now. */
  boolean foundGone(String nodeId) {
    return members.replace(nodeId, Presence.MEMBER, Presence.ENDED_EARLY);
  }

  /** True while {@code nodeId} is still in the member list but was found gone here. */
  boolean isGone(String nodeId) {
    return members.get(nodeId) == Presence.ENDED_EARLY;
  }

  /** The member list dropped {@code nodeId}: true if its sessions are to end now (they did not end early). */
  boolean removed(String nodeId) {
    return members.remove(nodeId) != Presence.ENDED_EARLY;
  }
}
