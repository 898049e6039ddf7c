package org.sessionchat.session.impl;

import io.vertx.core.eventbus.DeliveryContext;
import io.vertx.core.eventbus.Message;
import java.util.Map;
import org.sessionchat.scribble.fsm.Direction;
import org.sessionchat.session.ActorRef;
import org.sessionchat.session.RefusalReason;
import org.sessionchat.session.SetupFailure;
import org.sessionchat.session.wire.Envelope;
import org.sessionchat.session.wire.EnvelopeBatch;

/**
 * The receiver's half of the monitor: an inbound event-bus interceptor that steps the
 * receiving role's FSM for every session message about to reach an actor on this node.
 *
 * <p>Threading: Vert.x runs inbound interceptors on the context of the consumer that
 * receives the message. Every envelope ends at its actor verticle's own local consumer
 * (envelopes from other nodes are handed on by the router), so this runs on the actor's
 * event-loop thread and steps its FSM without a lock; a delivery on any other thread (a
 * consumer someone else registered on the actor's address) is refused.
 *
 * <p>When envelopes are bound to their sender ({@link SenderCheck}), an envelope from another
 * node of any kind is also refused when its sender actor does not live on the node it came
 * from ({@code FORGED_SENDER}, enforced even with the monitor off).
 *
 * <p>An {@link EnvelopeBatch} for one of this node's event loops ({@link LoopVerticle}) is
 * checked envelope by envelope on that loop's consumer context, which is the thread of every
 * receiver in it; refused envelopes are dropped from it.
 *
 * <p>A refused envelope is not delivered ({@code next()} is not called); when the FSM
 * forbade it, the sending actor is told with a {@code VIOLATION} envelope.
 */
final class InboundMonitor extends MonitorInterceptor {

  InboundMonitor(Map<String, ActorCell> actors, Router router, MonitorRefusals refusals, Observers observers,
      MetricCounters metrics, boolean enforcing) {
    super(actors, router, refusals, observers, metrics, enforcing);
  }

  @Override
  public void handle(DeliveryContext<Object> delivery) {
    Message<Object> message = delivery.message();
    boolean toLoop = Addresses.isLoop(message.address());
    if (!toLoop && !Addresses.isActor(message.address())) {
      delivery.next();
      return;
    }
    Object body;
    try {
      body = message.body();
    } catch (RuntimeException undecodable) {
      delivery.next(); // the actor's handler counts it as malformed
      return;
    }
    // only a node that binds senders hands envelopes over with the proven node; reading the
    // headers of a message that has none would allocate an empty map per message
    String proven = router.bindsSenders() ? message.headers().get(SenderCheck.PROVEN_NODE) : null;
    if (toLoop) {
      if (body instanceof EnvelopeBatch batch) {
        handleBatch(delivery, batch, proven);
      } else {
        delivery.next(); // the batch consumer counts it as malformed
      }
      return;
    }
    if (!(body instanceof Envelope envelope)) {
      delivery.next();
      return;
    }
    ActorCell receiver = envelope.targetActor() == null ? null : actors.get(envelope.targetActor());
    if (envelope.kind() != Envelope.Kind.MESSAGE) {
      if (receiver != null && receiver.onOwnThread() && !SenderCheck.boundToSender(proven, envelope, receiver)) {
        refuse(envelope, receiver.session(envelope.sessionId()), RefusalReason.FORGED_SENDER);
        if (message.replyAddress() != null) {
          message.fail(SetupFailure.REFUSED.wireCode(), "refused: its sender is not on the node that sent it");
        }
        return;
      }
      delivery.next();
      return;
    }
    if (receiver == null) {
      metrics.late(); // the actor stopped while the envelope was on its way
      return;
    }
    LocalConversation conversation = receiver.onOwnThread() ? receiver.session(envelope.sessionId()) : null;
    Verdict verdict = check(envelope, envelope.sessionId(), receiver, conversation,
        SenderCheck.boundToSender(proven, envelope, receiver));
    if (verdict.passed()) {
      metrics.monitored();
    }
    if (verdict.passed() || (verdict.refused() && !refuse(envelope, verdict.conversation(), verdict.reason()))) {
      if (conversation != null) { // found on the receiver's thread, whose handler runs next: no second look-up
        receiver.checked(envelope, conversation);
      }
      delivery.next();
    }
  }

  /**
   * Every envelope of a batch for this event loop, each against its receiver's FSM (every
   * receiver of the batch runs on this thread); refused and late ones are dropped, the batch
   * consumer delivers the rest.
   */
  private void handleBatch(DeliveryContext<Object> delivery, EnvelopeBatch batch, String proven) {
    int passed = 0;
    for (int i = 0; i < batch.size(); i++) {
      if (batch.isDropped(i)) {
        continue;
      }
      Envelope envelope = batch.common(i); // all but its target and session
      String sessionId = batch.sessionId(i);
      ActorCell receiver = receiverOf(batch.targetActor(i), batch.receiverHint(i));
      if (envelope.kind() != Envelope.Kind.MESSAGE) {
        metrics.malformed(); // batches carry session messages only
        batch.drop(i);
      } else if (receiver == null) {
        metrics.late();
        batch.drop(i);
      } else {
        LocalConversation conversation = receiver.onOwnThread() ? receiver.session(sessionId) : null;
        boolean bound = proven == null || SenderCheck.boundToSender(proven, batch.get(i), receiver);
        Verdict verdict = check(envelope, sessionId, receiver, conversation, bound);
        if (verdict.passed()) {
          passed++;
        }
        if (!verdict.passed() && (!verdict.refused() || refuse(batch.get(i), verdict.conversation(), verdict.reason()))) {
          batch.drop(i);
        } else {
          batch.passed(i, conversation); // the batch consumer delivers to it, no second look-up
        }
      }
    }
    metrics.monitored(passed);
    if (batch.remaining() > 0) {
      delivery.next();
    }
  }

  /**
   * The actor {@code target} of this node, or null: the one the batch's sender named,
   * when it proves to be that actor of this node's table, else the table's.
   */
  private ActorCell receiverOf(String target, Object hint) {
    if (target == null) {
      return null;
    }
    if (hint instanceof ActorCell hinted && hinted.node().actorTable() == actors && hinted.runsAs(target)) {
      return hinted;
    }
    return actors.get(target);
  }

  /**
   * What the receiver's side makes of {@code envelope} in session {@code sessionId} (a compact
   * batch's entries share every field but target and session); steps its FSM (and counts the
   * step in the session) when it passes. {@code conversation} is the receiver's session the
   * envelope names, or null; {@code boundToSender} what {@link SenderCheck} said of it.
   */
  private Verdict check(Envelope envelope, String sessionId, ActorCell receiver, LocalConversation conversation,
      boolean boundToSender) {
    if (!receiver.onOwnThread()) {
      return Verdict.refused(null, RefusalReason.NOT_ITS_ACTOR);
    }
    RefusalReason reason;
    if (conversation == null) {
      if (receiver.endedRecently(sessionId)) {
        metrics.late();
        return Verdict.LATE;
      }
      reason = RefusalReason.UNKNOWN_SESSION;
    } else if (!conversation.role().equals(envelope.toRole())) {
      reason = RefusalReason.WRONG_ROLE;
    } else if (!boundToSender) {
      reason = RefusalReason.FORGED_SENDER;
    } else if (!conversation.isPeer(envelope.fromRole(), envelope.sourceActor())) {
      reason = RefusalReason.WRONG_PEER;
    } else if (!conversation.monitor().step(Direction.RECEIVE, envelope.fromRole(), envelope.label(),
        envelope.payload())) {
      reason = RefusalReason.FORBIDDEN;
    } else {
      conversation.countReceived(envelope.label()); // messages monitored are counted by the caller
      observers.stepped(conversation, false, envelope.fromRole(), envelope.label());
      return Verdict.PASSED;
    }
    return Verdict.refused(conversation, reason);
  }

  /**
   * Records a refusal; true if the envelope must not be delivered (the monitor enforces),
   * false if it goes on (monitor off: tracked, never refused).
   */
  private boolean refuse(Envelope envelope, LocalConversation conversation, RefusalReason reason) {
    if (reason == RefusalReason.FORGED_SENDER) {
      // enforced even with the monitor off, which only measures the protocol checks: this is the cluster's security
      metrics.forged();
      refusals.envelope(envelope, conversation, true, reason);
      return true;
    }
    if (!enforcing) {
      refusals.allowed();
      return false;
    }
    refusals.envelope(envelope, conversation, true, reason);
    if (reason == RefusalReason.FORBIDDEN && conversation != null) {
      ActorRef sender = conversation.participant(envelope.fromRole());
      router.send(conversation.route(envelope.fromRole()), Envelope.violation(sender.actorId(),
          conversation.actorCell().self().actorId(), envelope.sessionId(), envelope.protocol(), envelope.toRole(),
          envelope.fromRole(), envelope.label(), conversation.monitor().describeState()));
    }
    return true;
  }

  /** The receiver's verdict on one envelope: passed, late (dropped silently), or refused for a reason. */
  private record Verdict(boolean passed, LocalConversation conversation, RefusalReason reason) {
    static final Verdict PASSED = new Verdict(true, null, null);
    static final Verdict LATE = new Verdict(false, null, null);

    static Verdict refused(LocalConversation conversation, RefusalReason reason) {
      return new Verdict(false, conversation, reason);
    }

    boolean refused() {
      return reason != null;
    }
  }
}
