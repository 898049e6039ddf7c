package org.sessionchat.session.impl;

import com.hazelcast.core.HazelcastInstance;
import io.vertx.core.Context;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.spi.cluster.ClusterManager;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.sessionchat.session.ActorRef;
import org.sessionchat.session.Placement;
import org.sessionchat.session.SessionActor;
import org.sessionchat.session.SessionObserver;
import org.sessionchat.session.SessionRuntimeOptions;
import org.sessionchat.session.SessionSnapshot;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import org.sessionchat.session.security.ClusterTlsException;
import org.sessionchat.session.security.MemberCertificates;
import org.sessionchat.session.security.SenderBinding;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything the runtime keeps for one node: its actors (one verticle each), its router,
 * the monitor interceptors on its event bus, its counters and its view of the cluster.
 * {@code SessionRuntime} is the public face of this class.
 */
public final class NodeRuntime {

  private static final Logger LOG = LoggerFactory.getLogger(NodeRuntime.class);
  /** The Vert.x instances a runtime runs on: one each, or envelopes would be split between two. */
  private static final Set<Vertx> RUNNING = ConcurrentHashMap.newKeySet();

  private final Vertx vertx;
  private final SessionRuntimeOptions options;
  private final String nodeId;
  private final ClusterManager clusterManager;
  private final Context context;
  private final MetricCounters metrics = new MetricCounters();
  private final Observers observers = new Observers();
  private final MonitorRefusals refusals = new MonitorRefusals(metrics, observers);
  private final ConcurrentHashMap<String, ActorCell> actors = new ConcurrentHashMap<>();
  private final List<Consumer<String>> nodeLeftListeners = new CopyOnWriteArrayList<>();
  private volatile java.util.function.Function<String, String> nodeNames = java.util.function.Function.identity();
  private final AtomicLong actorIds = new AtomicLong();
  private final SenderCheck senders;
  private final Router router;
  private final OutboundMonitor outbound;
  private final InboundMonitor inbound;
  private final Departures departures = new Departures();
  private ClusterMembership membership;
  private PeerLiveness liveness;
  private HangDetector hangs;
  private AliveProbe alive;
  private String loopDeployment;
  private volatile boolean closed;

  private NodeRuntime(Vertx vertx, SessionRuntimeOptions options) {
    this.vertx = vertx;
    this.options = options;
    this.clusterManager = VertxInternals.clusterManager(vertx);
    this.nodeId = clusterManager != null ? clusterManager.getNodeId() : "local-" + UUID.randomUUID();
    this.context = vertx.getOrCreateContext();
    this.senders = senderCheck(options, clusterManager, nodeId);
    this.router = new Router(vertx, nodeId, actors, metrics, options.setupTimeout().toMillis(), senders,
        departures::isGone);
    this.outbound = new OutboundMonitor(actors, router, refusals, observers, metrics, options.monitorEnabled());
    this.inbound = new InboundMonitor(actors, router, refusals, observers, metrics, options.monitorEnabled());
  }

  /** Starts the runtime of the node {@code vertx} belongs to; fails if one already runs there. */
  public static Future<NodeRuntime> start(Vertx vertx, SessionRuntimeOptions options) {
    if (!RUNNING.add(vertx)) {
      return Future.failedFuture(new IllegalStateException(
          "a session runtime already runs on this Vert.x: both would consume the node's envelopes"));
    }
    NodeRuntime node = new NodeRuntime(vertx, options);
    Promise<NodeRuntime> started = Promise.promise();
    node.context.runOnContext(v -> {
      vertx.eventBus().addOutboundInterceptor(node.outbound);
      vertx.eventBus().addInboundInterceptor(node.inbound);
      if (node.clusterManager != null) {
        node.watchMembers();
      }
      node.router.start().compose(ok -> node.deployLoops()).map(node).onComplete(started);
      started.future().onFailure(e -> node.removeInterceptors());
    });
    return started.future();
  }

  /**
   * One {@link LoopVerticle} per event loop of this Vert.x (however many it was made with):
   * the instances of one deployment get consecutive event loops, so as many instances as
   * loops put one on each. (Should a loop still have none, its actors get their envelopes one
   * by one, as without batches.)
   */
  private Future<Void> deployLoops() {
    int[] next = {0};
    return vertx.deployVerticle(() -> new LoopVerticle(nodeId, next[0]++, router, metrics),
            new DeploymentOptions().setInstances(eventLoops()))
        .onSuccess(id -> loopDeployment = id)
        .mapEmpty();
  }

  /**
   * Deploys {@code actor} as a verticle of its own. Called from a verticle's context, the
   * actor's verticle is a child deployment: undeploying the caller stops the actor.
   */
  public Future<ActorRef> spawn(String actorKind, String actorId, SessionActor actor, Placement placement) {
    if (closed) {
      return Future.failedFuture(new IllegalStateException("the session runtime of node " + nodeId + " is closed"));
    }
    if (!options.roles().actorKinds().contains(actorKind)) {
      return Future.failedFuture(new IllegalArgumentException("unknown actor kind '" + actorKind
          + "' (the role configuration has " + options.roles().actorKinds() + ")"));
    }
    // interned: the monitors compare an actor's id with the ids its envelopes name (LocalConversation)
    String id = (actorId != null ? actorId : actorKind.toLowerCase(Locale.ROOT) + "-" + actorIds.incrementAndGet())
        .intern();
    ActorRef ref;
    try {
      ref = new ActorRef(nodeId, id);
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(e);
    }
    ActorCell cell = new ActorCell(this, ref, actorKind, actor);
    if (actors.putIfAbsent(id, cell) != null) {
      return Future.failedFuture(new IllegalStateException("actor id '" + id + "' is taken on node " + nodeId));
    }
    ActorVerticle verticle = new ActorVerticle(cell);
    Future<String> deployed = placement instanceof Placement.EventLoopOf near
        ? VertxInternals.deployOnEventLoopOf(vertx, near.context(), verticle)
        : vertx.deployVerticle(verticle, new DeploymentOptions());
    return deployed
        .map(deployment -> ref)
        .onFailure(e -> actors.remove(id, cell));
  }

  public String nodeId() {
    return nodeId;
  }

  public boolean isClustered() {
    return clusterManager != null;
  }

  public Optional<HazelcastInstance> hazelcast() {
    return clusterManager instanceof HazelcastClusterManager manager
        ? Optional.of(manager.getHazelcastInstance()) : Optional.empty();
  }

  /**
   * The members this node counts as present: Hazelcast's member list without the nodes this
   * node found gone itself and the list still has (see {@link PeerLiveness}).
   */
  public Set<String> clusterNodes() {
    if (clusterManager == null) {
      return Set.of(nodeId);
    }
    Set<String> present = new HashSet<>(clusterManager.getNodes());
    present.removeIf(departures::isGone);
    return Set.copyOf(present);
  }

  public void onNodeLeft(Consumer<String> listener) {
    nodeLeftListeners.add(listener);
  }

  /** How log lines name a node (see {@code SessionRuntime#nameNodesWith}). */
  public void nameNodesWith(java.util.function.Function<String, String> names) {
    nodeNames = names;
  }

  public AutoCloseable observe(SessionObserver observer) {
    return observers.add(observer);
  }

  /** Every local participant's sessions, each read on its actor's own context. */
  public Future<List<SessionSnapshot>> sessions() {
    List<Future<List<SessionSnapshot>>> parts = new ArrayList<>();
    for (ActorCell cell : actors.values()) {
      parts.add(cell.onContext(() -> Future.succeededFuture(cell.snapshots())).recover(e -> Future.succeededFuture(List.of())));
    }
    return Future.all(parts).map(all -> {
      List<SessionSnapshot> out = new ArrayList<>();
      for (int i = 0; i < all.size(); i++) {
        out.addAll(all.<List<SessionSnapshot>>resultAt(i));
      }
      return out;
    });
  }

  /** How many actors (actor verticles) this node runs. */
  public int actorCount() {
    return actors.size();
  }

  public MetricCounters metrics() {
    return metrics;
  }

  /** Stops every local actor (their peers are told), then leaves the event bus. */
  public Future<Void> close() {
    if (closed) {
      return Future.succeededFuture();
    }
    closed = true;
    if (membership != null) {
      membership.close();
    }
    if (liveness != null) {
      liveness.close();
    }
    if (hangs != null) {
      hangs.close();
    }
    if (alive != null) {
      alive.close();
    }
    // every actor of this node stops now: an end notice from one to another (a session of two
    // local actors) would only reach a consumer that is going away (which Vert.x logs as a
    // discarded message, once per such session); peers on other nodes are still told
    router.stopping();
    List<Future<Void>> stops = new ArrayList<>();
    for (ActorCell cell : actors.values()) {
      stops.add(cell.stop());
    }
    return Future.join(stops)
        .transform(ar -> {
          Future<Void> loops = loopDeployment == null ? Future.succeededFuture()
              : vertx.undeploy(loopDeployment).recover(gone -> Future.succeededFuture());
          return loops.transform(done -> router.stop());
        })
        .andThen(ar -> removeInterceptors());
  }

  private void removeInterceptors() {
    vertx.eventBus().removeOutboundInterceptor(outbound);
    vertx.eventBus().removeInboundInterceptor(inbound);
    RUNNING.remove(vertx);
  }

  // ---------------------------------------------------------------- for cells

  Vertx vertx() {
    return vertx;
  }

  SessionRuntimeOptions options() {
    return options;
  }

  boolean monitorEnabled() {
    return options.monitorEnabled();
  }

  /** How many event loops this node's Vert.x runs; the public API does not say. */
  public int eventLoops() {
    return VertxInternals.eventLoops(vertx);
  }

  /** The batch consumers' addresses by event-loop thread: one per loop once started. */
  int batchConsumers() {
    return router.loopCount();
  }

  Router router() {
    return router;
  }

  /** The local actor {@code actorId}, or null. */
  /** The table of this node's actors by id, which the monitor interceptors read. */
  Map<String, ActorCell> actorTable() {
    return actors;
  }

  ActorCell actor(String actorId) {
    return actors.get(actorId);
  }

  MonitorRefusals refusals() {
    return refusals;
  }

  Observers observers() {
    return observers;
  }

  void removed(ActorCell cell) {
    actors.remove(cell.self().actorId(), cell);
  }

  /**
   * Two sources end the sessions with a departed node, whichever comes first: this node's own
   * link to the peer's event bus (closed, and a new connection refused: the process is gone)
   * and Hazelcast's member list (also a hung or cut-off node, found by heartbeats, which the
   * {@link HangDetector} reads more often than Hazelcast does).
   */
  private void watchMembers() {
    liveness = new PeerLiveness(vertx, context, clusterManager, options.clusterCredentials(), this::foundGone);
    membership = ClusterMembership.watch(clusterManager, new ClusterMembership.Listener() {
      @Override
      public void joined(String nodeId) {
        departures.joined(nodeId);
        liveness.watch(nodeId);
      }

      @Override
      public void left(String nodeId) {
        liveness.forget(nodeId);
        memberRemoved(nodeId);
      }
    });
    if (membership == null) {
      liveness.close();
      liveness = null;
      return;
    }
    alive = AliveProbe.answering(vertx, nodeId, asker -> clusterManager.getNodes().contains(asker));
    if (options.hangDetection().enabled() && clusterManager instanceof HazelcastClusterManager hazelcast) {
      hangs = HangDetector.start(options.hangDetection(),
          HazelcastInternals.heartbeats(hazelcast.getHazelcastInstance()), alive, id -> nodeNames.apply(id));
    }
  }

  /** Pushed by Hazelcast's membership event: every local session with a participant there fails now. */
  private void memberRemoved(String departed) {
    if (!departures.removed(departed)) {
      LOG.info("node {} left the member list; its sessions here had ended when it was found gone",
          nodeNames.apply(departed));
      return;
    }
    LOG.info("node {} left the cluster; ending local sessions with participants there", nodeNames.apply(departed));
    nodeLeft(departed);
  }

  /** This node's link to {@code departed}'s event bus closed and {@code address} refused a new connection. */
  private void foundGone(String departed, String address) {
    if (!departures.foundGone(departed)) {
      return;
    }
    LOG.info("node {} is gone: its event bus at {} closed the link and refuses connections; ending local sessions"
        + " with participants there before the member list drops it", nodeNames.apply(departed), address);
    nodeLeft(departed);
  }

  /** Every local session with a participant on {@code departed} fails now; then the node-left listeners run. */
  private void nodeLeft(String departed) {
    LOG.debug("node {} is {}", nodeNames.apply(departed), departed);
    if (senders != null) {
      senders.forget(departed);
    }
    observers.nodeLeft(departed);
    for (ActorCell cell : actors.values()) {
      cell.onContext(() -> {
        cell.nodeLeft(departed);
        return Future.succeededFuture();
      });
    }
    context.runOnContext(v -> {
      for (Consumer<String> listener : nodeLeftListeners) {
        try {
          listener.accept(departed);
        } catch (RuntimeException e) {
          LOG.error("node-left listener failed for node {}", departed, e);
        }
      }
    });
  }

  /**
   * Sender binding when the node has cluster credentials and a Hazelcast cluster to read the
   * others' certificates from; null otherwise (a node alone, or a cluster without TLS).
   */
  private static SenderCheck senderCheck(SessionRuntimeOptions options, ClusterManager clusterManager, String nodeId) {
    if (options.clusterCredentials() == null || clusterManager == null) {
      return null;
    }
    if (!(clusterManager instanceof HazelcastClusterManager hazelcast)) {
      throw new IllegalStateException("sender binding needs a Hazelcast cluster manager, not " + clusterManager);
    }
    try {
      return new SenderCheck(new SenderBinding(options.clusterCredentials(), nodeId,
          new MemberCertificates(hazelcast.getHazelcastInstance())), nodeId);
    } catch (ClusterTlsException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }
}
