package org.sessionchat.session.impl;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import org.sessionchat.session.SessionMessage;
import org.sessionchat.session.wire.Envelope;
import org.sessionchat.session.wire.EnvelopeBatch;

/**
 * One per event loop of the node: a local consumer for the {@link EnvelopeBatch}es bound for
 * the actors whose verticles run on that loop.
 *
 * <p>Why: a room's broadcast is one envelope per member, and one event-bus message each costs
 * a task on the receiver's event loop, a duplicated context and, across threads, a wake-up.
 * Grouped by the receivers' event loop, the envelopes travel as one message per loop. The
 * inbound monitor interceptor runs on this consumer's context — the same thread as every
 * receiver in the batch — and checks each envelope against its receiver's FSM; the ones that
 * pass are handed to their actors here, one after the other, each as code of its actor's own
 * context.
 */
final class LoopVerticle extends VerticleBase {

  private final String nodeId;
  private final int index;
  private final Router router;
  private final MetricCounters metrics;
  private MessageConsumer<Object> consumer;

  LoopVerticle(String nodeId, int index, Router router, MetricCounters metrics) {
    this.nodeId = nodeId;
    this.index = index;
    this.router = router;
    this.metrics = metrics;
  }

  @Override
  public Future<?> start() {
    String address = Addresses.loop(nodeId, index);
    consumer = vertx.eventBus().localConsumer(address);
    consumer.handler(this::deliver);
    router.loopStarted(Thread.currentThread(), address);
    return consumer.completion();
  }

  @Override
  public Future<?> stop() {
    router.loopStopped(Thread.currentThread(), Addresses.loop(nodeId, index));
    return consumer == null ? Future.succeededFuture() : consumer.unregister();
  }

  /**
   * The envelopes of a batch that passed the inbound monitor, each to its actor, as code of
   * the actor's own context. The thread's current context is switched to each receiver's in
   * turn and restored once, after the last: between two receivers only this loop's own code
   * runs, which reads no current context.
   */
  private void deliver(Message<Object> message) {
    if (!(message.body() instanceof EnvelopeBatch batch)) {
      metrics.malformed();
      return;
    }
    Context entered = null;
    Context previous = null;
    Envelope shared = null; // the entries' label and payload (a compact batch's entries share them) ...
    SessionMessage received = null; // ... and the one immutable message that carries them to every receiver
    try {
      for (int i = 0; i < batch.size(); i++) {
        if (batch.isDropped(i)) {
          continue;
        }
        // the conversation the inbound interceptor checked the envelope against
        if (!(batch.receiver(i) instanceof LocalConversation conversation)) {
          metrics.late(); // its session had ended here (monitor off: tracked, not refused)
          continue;
        }
        ActorCell cell = conversation.actorCell();
        if (cell.isStopped() || !cell.onOwnThread()) {
          metrics.late(); // stopped (or, never here, moved) since the interceptor checked it
          continue;
        }
        Context context = cell.context();
        if (context != entered) {
          Context before = VertxInternals.enter(context);
          if (entered == null) {
            previous = before;
          }
          entered = context;
        }
        try {
          Envelope common = batch.common(i); // the entry's label and payload: all the receiver reads
          if (common != shared) {
            shared = common;
            received = LocalConversation.messageOf(common);
          }
          conversation.receive(common, received);
        } catch (Throwable failure) { // what a dispatch does; an actor's own exceptions are its crash, handled inside
          VertxInternals.reportException(context, failure);
        }
      }
    } finally {
      if (entered != null) {
        VertxInternals.restore(entered, previous);
      }
    }
  }
}
