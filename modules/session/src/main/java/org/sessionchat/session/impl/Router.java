package org.sessionchat.session.impl;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.eventbus.ReplyException;
import java.util.Map;
import org.sessionchat.session.ActorRef;
import org.sessionchat.session.wire.Envelope;
import org.sessionchat.session.wire.EnvelopeCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves envelopes between nodes: one clustered consumer per node, then local dispatch by
 * actor id.
 *
 * <p>Why not one address per actor: a clustered registration writes Hazelcast's
 * subscription map (10,000 of them take seconds), while a node address is registered once
 * and an actor id is a hash-map lookup.
 */
final class Router {

  private static final Logger LOG = LoggerFactory.getLogger(Router.class);
  private static final String ADDRESS_PREFIX = "sessionchat.node.";

  /** {@link Message#fail} code: no such actor on the node. */
  static final int NO_ACTOR = 404;
  /** {@link Message#fail} code: the actor (or its kind) would not take the role. */
  static final int REFUSED = 403;

  private final EventBus eventBus;
  private final String nodeId;
  private final Map<String, ActorCell> actors;
  private final MetricCounters metrics;
  private final DeliveryOptions inviteOptions;
  private MessageConsumer<Object> consumer;
  private volatile boolean stopping;

  Router(Vertx vertx, String nodeId, Map<String, ActorCell> actors, MetricCounters metrics, long inviteTimeoutMs) {
    this.eventBus = vertx.eventBus();
    this.nodeId = nodeId;
    this.actors = actors;
    this.metrics = metrics;
    this.inviteOptions = new DeliveryOptions().setSendTimeout(inviteTimeoutMs);
  }

  static String address(String nodeId) {
    return ADDRESS_PREFIX + nodeId;
  }

  /**
   * Registers the codec and this node's consumer; completes once the address is known
   * cluster-wide. The codec stays registered after {@link #stop}: envelopes still in flight
   * to this Vert.x must decode, and a later runtime on it reuses the codec.
   */
  Future<Void> start() {
    try {
      eventBus.registerDefaultCodec(Envelope.class, new EnvelopeCodec());
    } catch (IllegalStateException alreadyRegistered) {
      // an earlier runtime on this Vert.x registered it
    }
    consumer = eventBus.consumer(address(nodeId));
    consumer.handler(this::dispatch);
    return consumer.completion();
  }

  /** From now on, envelopes for actors of this node are dropped: they are all stopping. */
  void stopping() {
    stopping = true;
  }

  Future<Void> stop() {
    return consumer == null ? Future.succeededFuture() : consumer.unregister();
  }

  void send(ActorRef target, Envelope envelope) {
    if (stopping && target.nodeId().equals(nodeId)) {
      return;
    }
    eventBus.send(address(target.nodeId()), envelope);
  }

  Future<Message<Object>> request(ActorRef target, Envelope envelope) {
    return eventBus.request(address(target.nodeId()), envelope, inviteOptions);
  }

  /** Why a request failed, in words for a {@code SessionSetupException}. */
  static String describe(Throwable failure, ActorRef target, long timeoutMs) {
    if (failure instanceof ReplyException reply) {
      switch (reply.failureType()) {
        case NO_HANDLERS:
          return "is unreachable: node " + target.nodeId() + " is not in the cluster";
        case TIMEOUT:
          return "did not answer the invitation within " + timeoutMs + " ms";
        default:
          return reply.getMessage();
      }
    }
    return failure.toString();
  }

  private void dispatch(Message<Object> message) {
    Object body;
    try {
      body = message.body();
    } catch (RuntimeException e) {
      malformed(message, Envelope.malformed("undecodable body: " + e));
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
    if (cell == null) {
      noActor(message, envelope);
      return;
    }
    cell.deliver(envelope, message);
  }

  private void noActor(Message<Object> message, Envelope envelope) {
    switch (envelope.kind()) {
      case INVITE:
        message.fail(NO_ACTOR, "is unknown: no actor '" + envelope.targetActor() + "' on node " + nodeId);
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
}
