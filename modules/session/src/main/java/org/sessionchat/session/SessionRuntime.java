package org.sessionchat.session;

import com.hazelcast.core.HazelcastInstance;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.sessionchat.session.impl.NodeRuntime;

/**
 * The monitored-session runtime of one node (one Vert.x instance): it deploys actors as
 * verticles, carries their session messages on the (clustered) event bus, checks each one
 * against the role's FSM in event-bus interceptors, and ends sessions when participants or
 * whole nodes go away.
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

  /**
   * Spawns an actor under a generated id, deployed as a verticle of its own (its callbacks
   * run on that verticle's context). Spawned from a verticle, it is a child deployment and
   * stops when that verticle is undeployed.
   */
  public Future<ActorRef> spawn(String actorKind, SessionActor actor) {
    return node.spawn(actorKind, null, actor, Placement.anyEventLoop());
  }

  /** Spawns an actor under a well-known id, e.g. {@code room-manager}; fails if the id is taken. */
  public Future<ActorRef> spawn(String actorKind, String actorId, SessionActor actor) {
    return node.spawn(actorKind, actorId, actor, Placement.anyEventLoop());
  }

  /**
   * Spawns an actor under a generated id on the event loop {@code placement} names, e.g. the
   * one of the socket the actor serves (see {@link Placement}).
   */
  public Future<ActorRef> spawn(String actorKind, SessionActor actor, Placement placement) {
    return node.spawn(actorKind, null, actor, placement);
  }

  /**
   * How many event loops this node's Vert.x runs. Why it matters to callers: the runtime has
   * a batch consumer on each, and a server that wants its sockets' actors beside them (see
   * {@link Placement}) needs one server per loop.
   */
  public int eventLoops() {
    return node.eventLoops();
  }

  /** The Vert.x node id when clustered, a generated one otherwise. */
  public String nodeId() {
    return node.nodeId();
  }

  public boolean isClustered() {
    return node.isClustered();
  }

  /**
   * The Hazelcast member this node is clustered with, if it is: for the application's own
   * cluster-wide state and membership watches, so that nothing else has to dig it out of
   * Vert.x's internals.
   */
  public Optional<HazelcastInstance> hazelcast() {
    return node.hazelcast();
  }

  /**
   * Node ids of the current cluster members ({@link #nodeId()} alone when not clustered),
   * without a member this node already found gone (its process died) that Hazelcast's member
   * list still has.
   */
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

  /**
   * How this runtime's log lines name other nodes: {@code names} maps a node id to what an
   * operator knows the node as (the application's node names); by default the id itself.
   */
  public void nameNodesWith(java.util.function.Function<String, String> names) {
    node.nameNodesWith(names);
  }

  /**
   * Registers {@code observer} for this node's session events (see {@link SessionObserver}).
   *
   * @return closing it removes the observer
   */
  public AutoCloseable observe(SessionObserver observer) {
    return node.observe(observer);
  }

  /** A snapshot of every session a local actor takes part in, each read on its actor's context. */
  public Future<List<SessionSnapshot>> sessions() {
    return node.sessions();
  }

  /** How many actors this node runs; each is one verticle deployment. */
  public int actorCount() {
    return node.actorCount();
  }

  public SessionMetrics metrics() {
    return node.metrics();
  }

  /** Stops every local actor (their peers are told) and unregisters the node's consumer. */
  public Future<Void> close() {
    return node.close();
  }
}
