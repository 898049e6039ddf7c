package org.sessionchat.session.impl;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.MessageConsumer;

/**
 * This node's answer on the event bus that it runs, and the question put to another node.
 *
 * <p>Why: Hazelcast's heartbeats can fall silent while their sender runs, when a member is busy
 * with the member list itself (removing another member, moving partitions) and a heartbeat
 * waits for a lock and is dropped. The {@link HangDetector} asks the silent member over the
 * event bus before suspecting it: a stopped process answers nothing, a live one answers from
 * its event loop. The answer is an empty reply to a clustered address of the node's own.
 */
final class AliveProbe implements HangDetector.Prober {

  private static final long ANSWER_TIMEOUT_MILLIS = 1_000;
  private final Vertx vertx;
  private final MessageConsumer<Object> answering;
  private final DeliveryOptions asking = new DeliveryOptions().setSendTimeout(ANSWER_TIMEOUT_MILLIS);

  private AliveProbe(Vertx vertx, MessageConsumer<Object> answering) {
    this.vertx = vertx;
    this.answering = answering;
  }

  /** Answers for node {@code nodeId} from now on. */
  static AliveProbe answering(Vertx vertx, String nodeId) {
    MessageConsumer<Object> consumer = vertx.eventBus().consumer(Addresses.alive(nodeId));
    consumer.handler(question -> question.reply(""));
    return new AliveProbe(vertx, consumer);
  }

  @Override
  public void ask(String nodeId, Runnable answered) {
    vertx.eventBus().request(Addresses.alive(nodeId), "", asking).onSuccess(reply -> answered.run());
  }

  Future<Void> close() {
    return answering.unregister();
  }
}
