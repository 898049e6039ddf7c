package org.sessionchat.session.bench;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.sessionchat.session.ActorContext;
import org.sessionchat.session.ActorRef;
import org.sessionchat.session.Conversation;
import org.sessionchat.session.SessionActor;
import org.sessionchat.session.SessionMessage;

/**
 * The hub of one fan-out run, like a chat room: one {@code ChatSession} per subscriber (the
 * hub plays ChatRoom), {@code broadcasts} rounds of one {@code incomingChatMessage} to each,
 * finished when every subscriber has said {@code outgoingChatMessage("done")}.
 */
final class FanOutDriver implements SessionActor {

  private final int broadcasts;
  private final Promise<Double> done = Promise.promise();
  private ActorContext context;
  private int finished;
  private int expected;
  private long startedAt;

  FanOutDriver(int broadcasts) {
    this.broadcasts = broadcasts;
  }

  @Override
  public void started(ActorContext context) {
    this.context = context;
  }

  /** Delivered messages per second to {@code subscribers}. */
  Future<Double> run(List<ActorRef> subscribers) {
    List<Future<Conversation>> sessions = new ArrayList<>();
    for (ActorRef subscriber : subscribers) {
      sessions.add(context.startSession("ChatSession", "ChatRoom", Map.of("ClientThread", subscriber)));
    }
    expected = subscribers.size();
    Future.all(sessions).onSuccess(all -> {
      startedAt = System.nanoTime();
      for (int round = 0; round < broadcasts; round++) {
        String text = "m" + round;
        for (Future<Conversation> session : sessions) {
          session.result().send("ClientThread", "incomingChatMessage", text);
        }
      }
    }).onFailure(done::tryFail);
    return done.future();
  }

  @Override
  public void received(Conversation session, SessionMessage message) {
    if (++finished == expected) {
      double seconds = (System.nanoTime() - startedAt) / 1e9;
      done.tryComplete((double) expected * broadcasts / seconds);
    }
  }
}
