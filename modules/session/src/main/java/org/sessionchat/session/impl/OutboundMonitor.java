package org.sessionchat.session.impl;

import io.vertx.core.eventbus.DeliveryContext;
import java.util.Map;
import org.sessionchat.scribble.fsm.Direction;
import org.sessionchat.session.ProtocolViolationException;
import org.sessionchat.session.RefusalReason;
import org.sessionchat.session.wire.Envelope;
import org.sessionchat.session.wire.EnvelopeBatch;

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
 * <p>An {@link EnvelopeBatch} (a broadcast's envelopes for one destination) is checked
 * envelope by envelope, each with its own session's FSM; refused ones are dropped from it.
 *
 * <p>A refused envelope goes nowhere: {@code next()} is not called. The sending actor learns
 * it from its refusal slot (its {@code send} future fails); a forger who used
 * {@code request} gets the failure as the reply.
 */
final class OutboundMonitor extends MonitorInterceptor {

  OutboundMonitor(Map<String, ActorCell> actors, Router router, MonitorRefusals refusals, Observers observers,
      MetricCounters metrics, boolean enforcing) {
    super(actors, router, refusals, observers, metrics, enforcing);
  }

  @Override
  public void handle(DeliveryContext<Object> delivery) {
    if (delivery.body() instanceof EnvelopeBatch batch && !router.isForwarding()) {
      handleBatch(delivery, batch);
      return;
    }
    if (!(delivery.body() instanceof Envelope envelope) || envelope.kind() != Envelope.Kind.MESSAGE
        || router.isForwarding()) {
      delivery.next();
      return;
    }
    ActorCell sender = senderOf(envelope);
    LocalConversation conversation = sender == null ? null : sender.sendingConversation(envelope);
    RefusalReason reason = check(envelope, envelope.targetActor(), sender, conversation);
    if (reason == null) {
      passed(delivery, conversation, envelope);
      return;
    }
    refuse(delivery, envelope, sender, conversation, reason);
  }

  /**
   * Every envelope of a batch, each against its own session's FSM; refused ones are dropped
   * from the batch (with the monitor enforcing), and the batch goes on with the rest.
   */
  private void handleBatch(DeliveryContext<Object> delivery, EnvelopeBatch batch) {
    String senderId = null;
    ActorCell sender = null;
    int passed = 0;
    for (int i = 0; i < batch.size(); i++) {
      if (batch.isDropped(i)) {
        continue;
      }
      Envelope envelope = batch.common(i); // all but its target and session
      if (i == 0 || envelope.sourceActor() != senderId) { // a broadcast's envelopes share one sender id
        senderId = envelope.sourceActor();
        sender = senderOf(envelope);
      }
      LocalConversation conversation = sender == null ? null : sender.sendingConversation(batch, i);
      RefusalReason reason = envelope.kind() != Envelope.Kind.MESSAGE ? RefusalReason.FORBIDDEN
          : check(envelope, batch.targetActor(i), sender, conversation);
      if (reason == null) {
        countStep(conversation, envelope);
        passed++;
      } else if (!enforcing) {
        refusals.allowed();
      } else {
        batch.drop(i);
        ProtocolViolationException refusal = refusals.envelope(batch.get(i), conversation, false, reason);
        if (sender != null) {
          sender.refusedOutbound(refusal);
        }
      }
    }
    metrics.monitored(passed);
    if (batch.remaining() > 0) {
      delivery.next();
    } else if (delivery.message().replyAddress() != null) {
      delivery.message().fail(RefusalReason.FORBIDDEN.ordinal() + 1, "every envelope of the batch was refused");
    }
  }

  /** The sending actor, if the envelope comes from an actor of this node on its own thread. */
  private ActorCell senderOf(Envelope envelope) {
    ActorCell sender = envelope.sourceActor() == null ? null : actors.get(envelope.sourceActor());
    return sender == null || !sender.onOwnThread() ? null : sender;
  }

  /**
   * Why the sender's side refuses {@code envelope} (to {@code targetActor}: a compact batch's
   * entries share every other field), or null once its FSM took the step.
   */
  private static RefusalReason check(Envelope envelope, String targetActor, ActorCell sender,
      LocalConversation conversation) {
    if (sender == null) {
      return RefusalReason.NOT_ITS_ACTOR;
    } else if (conversation == null) {
      return RefusalReason.UNKNOWN_SESSION;
    } else if (!conversation.role().equals(envelope.fromRole())) {
      return RefusalReason.WRONG_ROLE;
    } else if (!conversation.isPeer(envelope.toRole(), targetActor)) {
      return RefusalReason.WRONG_PEER;
    } else if (!conversation.monitor().step(Direction.SEND, envelope.toRole(), envelope.label(),
        envelope.payload())) {
      return RefusalReason.FORBIDDEN;
    }
    return null;
  }

  private void passed(DeliveryContext<Object> delivery, LocalConversation conversation, Envelope envelope) {
    countStep(conversation, envelope);
    metrics.monitored();
    delivery.next();
  }

  /** The session's record of a step it took (messages monitored are counted by the caller). */
  private void countStep(LocalConversation conversation, Envelope envelope) {
    conversation.countSent(envelope.label());
    observers.stepped(conversation, true, envelope.toRole(), envelope.label());
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
