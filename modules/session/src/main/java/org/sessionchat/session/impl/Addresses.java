package org.sessionchat.session.impl;

/**
 * The runtime's event-bus addresses: one clustered address per node, one local address per actor,
 * and one local address per event loop for batches (see {@link LoopVerticle}).
 *
 * <p>Why two kinds: a clustered registration writes Hazelcast's subscription map (10,000 of
 * them take seconds), so only the node registers cluster-wide; each actor verticle
 * registers a local consumer, so that the inbound monitor interceptor runs on the actor's
 * own context. An envelope from another node arrives at the node address and is handed on
 * to the actor address.
 */
final class Addresses {

  static final String NODE_PREFIX = "sessionchat.node.";
  static final String ACTOR_PREFIX = "sessionchat.actor.";
  static final String LOOP_PREFIX = "sessionchat.loop.";
  static final String ALIVE_PREFIX = "sessionchat.alive.";

  private Addresses() {
  }

  static String node(String nodeId) {
    return NODE_PREFIX + nodeId;
  }

  static String actor(String actorId) {
    return ACTOR_PREFIX + actorId;
  }

  /** The clustered address where node {@code nodeId} answers that it runs ({@link AliveProbe}). */
  static String alive(String nodeId) {
    return ALIVE_PREFIX + nodeId;
  }

  /** The local address of the batch consumer on event loop {@code index} of this node. */
  static String loop(String nodeId, int index) {
    return LOOP_PREFIX + nodeId + "." + index;
  }

  static boolean isLoop(String address) {
    return address.startsWith(LOOP_PREFIX);
  }

  /** The node id in a node address ({@link #node}). */
  static String nodeIdOf(String nodeAddress) {
    return nodeAddress.substring(NODE_PREFIX.length());
  }

  static boolean isNode(String address) {
    return address.startsWith(NODE_PREFIX);
  }

  static boolean isActor(String address) {
    return address.startsWith(ACTOR_PREFIX);
  }
}
