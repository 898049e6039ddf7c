package org.sessionchat.session.impl;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.sessionchat.session.ActorRef;
import org.sessionchat.session.SetupFailure;
import org.sessionchat.session.wire.Envelope;
import org.sessionchat.session.wire.EnvelopeBatch;
import org.sessionchat.session.wire.EnvelopeBatchCodec;
import org.sessionchat.session.wire.EnvelopeCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves envelopes: to a local actor's address directly, to another node's address (one
 * clustered consumer per node), and from this node's address on to the local actor.
 *
 * <p>Why the extra local hop for envelopes from other nodes: the inbound monitor
 * interceptor must run on the receiving actor's own context, and Vert.x runs inbound
 * interceptors on the context of the consumer that receives the message — so every
 * envelope ends at the actor verticle's local consumer. While it hands an envelope on,
 * the router says so ({@link #isForwarding()}), so that the outbound interceptor does not
 * check the sender's FSM a second time on this node.
 */
final class Router {

  private static final Logger LOG = LoggerFactory.getLogger(Router.class);
  private static final DeliveryOptions LOCAL = new DeliveryOptions().setLocalOnly(true);
  private static final DeliveryOptions REMOTE = new DeliveryOptions();

  private final EventBus eventBus;
  private final String nodeId;
  private final Map<String, ActorCell> actors;
  private final MetricCounters metrics;
  private final DeliveryOptions inviteOptions;
  private final DeliveryOptions localInviteOptions;
  private final SenderCheck senders;
  private final Predicate<String> gone;
  /** The batch consumer's address of each event loop that has one ({@link LoopVerticle}). */
  private final Map<Thread, String> loopAddresses = new ConcurrentHashMap<>();
  /** Changes whenever a batch consumer starts or stops: what a {@link PeerPlace} learnt of the loops is then stale. */
  private final AtomicInteger loopsVersion = new AtomicInteger();
  private MessageConsumer<Object> consumer;
  private Thread thread;
  private boolean forwarding;
  private volatile boolean stopping;

  /**
   * @param senders binds envelopes to their sending node; null when the cluster has no certificates
   * @param gone    nodes found gone that the member list still has: an invitation there fails at once
   */
  Router(Vertx vertx, String nodeId, Map<String, ActorCell> actors, MetricCounters metrics, long inviteTimeoutMs,
      SenderCheck senders, Predicate<String> gone) {
    this.senders = senders;
    this.gone = gone;
    this.eventBus = vertx.eventBus();
    this.nodeId = nodeId;
    this.actors = actors;
    this.metrics = metrics;
    this.inviteOptions = new DeliveryOptions().setSendTimeout(inviteTimeoutMs);
    this.localInviteOptions = new DeliveryOptions().setSendTimeout(inviteTimeoutMs).setLocalOnly(true);
  }

  /** Where envelopes for {@code target} go from this node. */
  Route route(ActorRef target) {
    boolean local = target.nodeId().equals(nodeId);
    return new Route(target, local ? Addresses.actor(target.actorId()) : Addresses.node(target.nodeId()), local);
  }

  /**
   * Registers the codec and this node's consumer; completes once the address is known
   * cluster-wide. Runs on the node's context, whose thread forwards envelopes. The codec
   * stays registered after {@link #stop}: envelopes still in flight must decode, and a later
   * runtime on the same Vert.x reuses it.
   */
  Future<Void> start() {
    try {
      eventBus.registerDefaultCodec(Envelope.class, new EnvelopeCodec());
      eventBus.registerDefaultCodec(EnvelopeBatch.class, new EnvelopeBatchCodec());
    } catch (IllegalStateException alreadyRegistered) {
      // an earlier runtime on this Vert.x registered them
    }
    thread = Thread.currentThread();
    consumer = eventBus.consumer(Addresses.node(nodeId));
    consumer.handler(this::forward);
    return consumer.completion();
  }

  /** True if envelopes between nodes carry sender tags, and the hand-over names the node a tag proved. */
  boolean bindsSenders() {
    return senders != null;
  }

  /** From now on, envelopes for actors of this node are dropped: they are all stopping. */
  void stopping() {
    stopping = true;
  }

  Future<Void> stop() {
    return consumer == null ? Future.succeededFuture() : consumer.unregister();
  }

  void send(Route route, Envelope envelope) {
    if (route.local()) {
      if (!stopping) {
        eventBus.send(route.address(), envelope, LOCAL);
      }
    } else if (senders == null) {
      eventBus.send(route.address(), envelope);
    } else {
      eventBus.send(route.address(), envelope, senders.tagged(REMOTE, route.target().nodeId()));
    }
  }

  /** A batch to {@code address}: another node's, or a local {@link LoopVerticle}'s. */
  void sendBatch(String address, boolean local, EnvelopeBatch batch) {
    if (local) {
      if (!stopping) {
        eventBus.send(address, batch, LOCAL);
      }
    } else if (senders == null) {
      eventBus.send(address, batch);
    } else {
      eventBus.send(address, batch, senders.tagged(REMOTE, Addresses.nodeIdOf(address)));
    }
  }

  /** The batch address of the event loop {@code actorThread} is, or null if it has no batch consumer. */
  String loopAddress(Thread actorThread) {
    return actorThread == null ? null : loopAddresses.get(actorThread);
  }

  void loopStarted(Thread loop, String address) {
    loopAddresses.putIfAbsent(loop, address);
    loopsVersion.incrementAndGet(); // after the table changed: whoever reads this version sees that change
  }

  void loopStopped(Thread loop, String address) {
    loopAddresses.remove(loop, address);
    loopsVersion.incrementAndGet();
  }

  /** How many event loops have a batch consumer. */
  int loopCount() {
    return loopAddresses.size();
  }

  /** A number that changes whenever the batch consumers change; read before {@link #loopAddress}. */
  int loopsVersion() {
    return loopsVersion.get();
  }

  Future<Message<Object>> request(Route route, Envelope envelope) {
    if (!route.local() && gone.test(route.target().nodeId())) {
      return Future.failedFuture(new ReplyException(ReplyFailure.NO_HANDLERS, "node " + route.target().nodeId() + " is gone"));
    }
    if (route.local()) {
      return eventBus.request(route.address(), envelope, localInviteOptions);
    }
    return eventBus.request(route.address(), envelope,
        senders == null ? inviteOptions : senders.tagged(inviteOptions, route.target().nodeId()));
  }

  /** True while this node hands an envelope from another node on to a local actor (on the forwarding thread only). */
  boolean isForwarding() {
    return forwarding && Thread.currentThread() == thread;
  }

  /** The typed reason behind a failed invitation request to {@code route}. */
  static SetupFailure failureOf(Throwable failure, Route route) {
    if (failure instanceof ReplyException reply) {
      return switch (reply.failureType()) {
        case NO_HANDLERS -> route.local() ? SetupFailure.UNKNOWN_ACTOR : SetupFailure.UNREACHABLE;
        case TIMEOUT -> SetupFailure.TIMED_OUT;
        default -> SetupFailure.fromWireCode(reply.failureCode());
      };
    }
    return SetupFailure.UNREACHABLE;
  }

  /** Why a request failed, in words for a {@code SessionSetupException}. */
  static String describe(Throwable failure, Route route, long timeoutMs) {
    if (failure instanceof ReplyException reply) {
      switch (reply.failureType()) {
        case NO_HANDLERS:
          return route.local() ? "is unknown: no actor '" + route.target().actorId() + "' on this node"
              : "is unreachable: node " + route.target().nodeId() + " is not in the cluster";
        case TIMEOUT:
          return "did not answer the invitation within " + timeoutMs + " ms";
        default:
          return reply.getMessage();
      }
    }
    return failure.toString();
  }

  /** An envelope from another node: on to the local actor's consumer, where the inbound monitor runs. */
  private void forward(Message<Object> message) {
    Object body;
    try {
      body = message.body();
    } catch (RuntimeException e) {
      malformed(message, Envelope.malformed("undecodable body: " + e));
      return;
    }
    DeliveryOptions local = LOCAL;
    DeliveryOptions localInvite = localInviteOptions;
    if (senders != null && (body instanceof EnvelopeBatch || body instanceof Envelope)) {
      String proven = senders.provenNode(message);
      if (proven == null) {
        metrics.forged();
        if (message.replyAddress() != null) {
          message.fail(SetupFailure.REFUSED.wireCode(), "not bound to its sender: refused");
        }
        return;
      }
      local = SenderCheck.handOver(LOCAL, proven);
      localInvite = SenderCheck.handOver(localInviteOptions, proven);
    }
    if (body instanceof EnvelopeBatch batch) {
      forwardBatch(batch, local);
      return;
    }
    if (!(body instanceof Envelope envelope)) {
      malformed(message, Envelope.malformed("not an envelope: " + (body == null ? "null" : body.getClass().getName())));
      return;
    }
    if (envelope.kind() == Envelope.Kind.MALFORMED) {
      malformed(message, envelope);
      return;
    }
    ActorCell cell = envelope.targetActor() == null ? null : actors.get(envelope.targetActor());
    if (cell == null || stopping) {
      noActor(message, envelope);
      return;
    }
    forwarding = true;
    try {
      if (envelope.kind() == Envelope.Kind.INVITE && message.replyAddress() != null) {
        eventBus.request(cell.address(), envelope, localInvite).onComplete(answer -> {
          if (answer.succeeded()) {
            message.reply(answer.result().body());
          } else if (answer.cause() instanceof ReplyException reply) {
            message.fail(reply.failureType() == io.vertx.core.eventbus.ReplyFailure.RECIPIENT_FAILURE
                ? reply.failureCode() : SetupFailure.UNKNOWN_ACTOR.wireCode(), reply.getMessage());
          } else {
            message.fail(SetupFailure.UNKNOWN_ACTOR.wireCode(), String.valueOf(answer.cause()));
          }
        });
      } else {
        eventBus.send(cell.address(), envelope, local);
      }
    } finally {
      forwarding = false;
    }
  }

  /**
   * A batch from another node, split by the event loop of each receiving actor here: one
   * local batch per loop (or the envelope alone, for an actor on a loop without a batch
   * consumer), so that each envelope's inbound check runs on its receiver's thread.
   */
  private void forwardBatch(EnvelopeBatch batch, DeliveryOptions local) {
    Map<String, LoopShare> byLoop = new LinkedHashMap<>();
    forwarding = true;
    try {
      for (int i = 0; i < batch.size(); i++) {
        Envelope envelope = batch.get(i);
        if (batch.isDropped(i)) {
          continue;
        }
        if (envelope.kind() != Envelope.Kind.MESSAGE) {
          metrics.malformed();
          continue;
        }
        ActorCell cell = envelope.targetActor() == null ? null : actors.get(envelope.targetActor());
        if (cell == null || stopping) {
          metrics.late();
          continue;
        }
        String loop = loopAddress(cell.thread());
        if (loop == null) {
          eventBus.send(cell.address(), envelope, local);
        } else {
          byLoop.computeIfAbsent(loop, k -> new LoopShare()).add(envelope, cell);
        }
      }
      byLoop.forEach((loop, share) -> eventBus.send(loop, share.batch(), local));
    } finally {
      forwarding = false;
    }
  }

  private void noActor(Message<Object> message, Envelope envelope) {
    switch (envelope.kind()) {
      case INVITE:
        message.fail(SetupFailure.UNKNOWN_ACTOR.wireCode(),
            "is unknown: no actor '" + envelope.targetActor() + "' on node " + nodeId);
        break;
      case MESSAGE:
        metrics.late();
        break;
      default:
        // control messages for an actor that has gone: nothing is left to update
        break;
    }
  }

  private void malformed(Message<Object> message, Envelope envelope) {
    metrics.malformed();
    long count = metrics.malformedMessages();
    if (Long.bitCount(count) == 1) {
      LOG.warn("dropped a message to {} that is not a session envelope ({}; {} so far)",
          message.address(), envelope.label(), count);
    }
    if (message.replyAddress() != null) {
      message.fail(400, envelope.label());
    }
  }

  /** The envelopes of a batch from another node for one event loop here, with their receivers (a hint: see EnvelopeBatch). */
  private static final class LoopShare {
    private final List<Envelope> envelopes = new ArrayList<>();
    private final List<ActorCell> receivers = new ArrayList<>();

    void add(Envelope envelope, ActorCell receiver) {
      envelopes.add(envelope);
      receivers.add(receiver);
    }

    EnvelopeBatch batch() {
      return new EnvelopeBatch(envelopes.toArray(new Envelope[0]), receivers.toArray(), envelopes.size());
    }
  }

  /** Where one peer's envelopes go: its actor address on this node, its node's address elsewhere. */
  record Route(ActorRef target, String address, boolean local) {
  }
}
