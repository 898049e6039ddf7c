package org.sessionchat.session.impl;

import io.vertx.core.Handler;
import io.vertx.core.eventbus.DeliveryContext;
import java.util.Map;
import org.sessionchat.scribble.fsm.Direction;
import org.sessionchat.session.ProtocolViolationException;
import org.sessionchat.session.RefusalReason;
import org.sessionchat.session.wire.Envelope;

/**
 * The sender's half of the monitor: an outbound event-bus interceptor that steps the
 * sending role's FSM for every session message put on this node's bus, whoever put it there.
 *
 * <p>Threading: Vert.x runs outbound interceptors synchronously in the caller of
 * {@code send}. A runtime send happens on the sending actor's own event-loop thread, the
 * only thread that touches its sessions, so the FSM is stepped without a lock. An envelope
 * sent from any other thread (another verticle, a test, a forger) claims an actor it is
 * not running as and is refused before the FSM is touched: only an actor speaks for itself.
 * Envelopes the router hands on from another node are not checked again here (the sending
 * node did; the receiver's inbound interceptor checks next).
 *
 * <p>A refused envelope goes nowhere: {@code next()} is not called. The sending actor learns
 * it from its refusal slot (its {@code send} future fails); a forger who used
 * {@code request} gets the failure as the reply.
 */
final class OutboundMonitor implements Handler<DeliveryContext<Object>> {

  private final Map<String, ActorCell> actors;
  private final Router router;
  private final MonitorRefusals refusals;
  private final Observers observers;
  private final MetricCounters metrics;
  private final boolean enforcing;

  OutboundMonitor(Map<String, ActorCell> actors, Router router, MonitorRefusals refusals, Observers observers,
      MetricCounters metrics, boolean enforcing) {
    this.actors = actors;
    this.router = router;
    this.refusals = refusals;
    this.observers = observers;
    this.metrics = metrics;
    this.enforcing = enforcing;
  }

  @Override
  public void handle(DeliveryContext<Object> delivery) {
    if (!(delivery.body() instanceof Envelope envelope) || envelope.kind() != Envelope.Kind.MESSAGE
        || router.isForwarding()) {
      delivery.next();
      return;
    }
    ActorCell sender = envelope.sourceActor() == null ? null : actors.get(envelope.sourceActor());
    if (sender == null || !sender.onOwnThread()) {
      refuse(delivery, envelope, null, null, RefusalReason.NOT_ITS_ACTOR);
      return;
    }
    LocalConversation conversation = sender.session(envelope.sessionId());
    RefusalReason reason;
    if (conversation == null) {
      reason = RefusalReason.UNKNOWN_SESSION;
    } else if (!conversation.role().equals(envelope.fromRole())) {
      reason = RefusalReason.WRONG_ROLE;
    } else if (!conversation.isPeer(envelope.toRole(), envelope.targetActor())) {
      reason = RefusalReason.WRONG_PEER;
    } else if (!conversation.monitor().step(Direction.SEND, envelope.toRole(), envelope.label(),
        envelope.payload())) {
      reason = RefusalReason.FORBIDDEN;
    } else {
      passed(delivery, conversation, envelope);
      return;
    }
    refuse(delivery, envelope, sender, conversation, reason);
  }

  private void passed(DeliveryContext<Object> delivery, LocalConversation conversation, Envelope envelope) {
    conversation.countSent();
    metrics.monitored();
    observers.stepped(conversation, true, envelope.toRole(), envelope.label());
    delivery.next();
  }

  private void refuse(DeliveryContext<Object> delivery, Envelope envelope, ActorCell sender,
      LocalConversation conversation, RefusalReason reason) {
    if (!enforcing) {
      refusals.allowed();
      delivery.next();
      return;
    }
    ProtocolViolationException refusal = refusals.envelope(envelope, conversation, false, reason);
    if (sender != null) {
      sender.refusedOutbound(refusal);
    }
    if (delivery.message().replyAddress() != null) {
      delivery.message().fail(reason.ordinal() + 1, reason + ": " + refusal.getMessage());
    }
  }
}
