package org.sessionchat.session.impl;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * This node's answer on the event bus that it runs, and the question put to another node.
 *
 * <p>Why: Hazelcast's heartbeats can fall silent while their sender runs, when a member is busy
 * with the member list itself (removing another member, moving partitions) and a heartbeat
 * waits for a lock and is dropped. The {@link HangDetector} asks the silent member over the
 * event bus before suspecting it: a stopped process answers nothing, a live one answers from
 * its event loop. The question names the asking node; the answer says whether that node is in
 * the answering node's member list. Only "a member" counts: a node that was removed while it
 * was stopped and asks after waking is told it is a stranger, takes that as no answer, and so
 * finds itself alone at once, as Hazelcast would have found it, and waits to be merged back.
 */
final class AliveProbe implements HangDetector.Prober {

  static final String MEMBER = "member";
  static final String STRANGER = "stranger";
  private static final long ANSWER_TIMEOUT_MILLIS = 1_000;
  private final Vertx vertx;
  private final String nodeId;
  private final MessageConsumer<Object> answering;
  private final DeliveryOptions asking = new DeliveryOptions().setSendTimeout(ANSWER_TIMEOUT_MILLIS);

  private AliveProbe(Vertx vertx, String nodeId, MessageConsumer<Object> answering) {
    this.vertx = vertx;
    this.nodeId = nodeId;
    this.answering = answering;
  }

  /** Answers for node {@code nodeId} from now on; {@code isMember} tells whether an asking node is in its member list. */
  static AliveProbe answering(Vertx vertx, String nodeId, Predicate<String> isMember) {
    MessageConsumer<Object> consumer = vertx.eventBus().consumer(Addresses.alive(nodeId));
    consumer.handler(question -> question.reply(isMember.test(String.valueOf(question.body())) ? MEMBER : STRANGER));
    return new AliveProbe(vertx, nodeId, consumer);
  }

  @Override
  public void ask(String peer, Consumer<HangDetector.Answer> answer) {
    vertx.eventBus().request(Addresses.alive(peer), nodeId, asking).onComplete(reply -> {
      if (reply.succeeded()) {
        if (MEMBER.equals(reply.result().body())) {
          answer.accept(HangDetector.Answer.RUNS);
        }
      } else if (reply.cause() instanceof ReplyException failure && failure.failureType() == ReplyFailure.NO_HANDLERS) {
        answer.accept(HangDetector.Answer.CANNOT_TELL); // nobody registered there yet: a node still starting
      }
    });
  }

  Future<Void> close() {
    return answering.unregister();
  }
}
