package org.sessionchat.session;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.Set;
import java.util.function.Consumer;
import org.sessionchat.session.impl.NodeRuntime;

/**
 * The monitored-session runtime of one node (one Vert.x instance): it spawns actors,
 * carries their session messages on the (clustered) event bus, checks each one against the
 * role's FSM, and ends sessions when participants or whole nodes go away.
 *
 * <p>Why one per node: a node has one event-bus address that every envelope for its actors
 * arrives at, and one view of the cluster's membership.
 */
public final class SessionRuntime {

  private final NodeRuntime node;

  private SessionRuntime(NodeRuntime node) {
    this.node = node;
  }

  /** Starts the runtime on {@code vertx}; clustered if {@code vertx} is. */
  public static Future<SessionRuntime> start(Vertx vertx, SessionRuntimeOptions options) {
    return NodeRuntime.start(vertx, options).map(SessionRuntime::new);
  }

  /** Spawns an actor under a generated id. Its callbacks run on the current context (or a new event loop). */
  public Future<ActorRef> spawn(String actorKind, SessionActor actor) {
    return node.spawn(actorKind, null, actor);
  }

  /** Spawns an actor under a well-known id, e.g. {@code room-manager}; fails if the id is taken. */
  public Future<ActorRef> spawn(String actorKind, String actorId, SessionActor actor) {
    return node.spawn(actorKind, actorId, actor);
  }

  /** The Vert.x node id when clustered, a generated one otherwise. */
  public String nodeId() {
    return node.nodeId();
  }

  public boolean isClustered() {
    return node.isClustered();
  }

  /** Node ids of the current cluster members ({@link #nodeId()} alone when not clustered). */
  public Set<String> clusterNodes() {
    return node.clusterNodes();
  }

  /**
   * Runs {@code listener} with the node id of each node that leaves the cluster, after the
   * local sessions with participants there were told. For application clean-up such as
   * registry entries owned by that node.
   */
  public void onNodeLeft(Consumer<String> listener) {
    node.onNodeLeft(listener);
  }

  public SessionMetrics metrics() {
    return node.metrics();
  }

  /** Stops every local actor (their peers are told) and unregisters the node's consumer. */
  public Future<Void> close() {
    return node.close();
  }
}
