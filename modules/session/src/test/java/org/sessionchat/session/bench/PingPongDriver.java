package org.sessionchat.session.bench;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.sessionchat.session.ActorContext;
import org.sessionchat.session.ActorRef;
import org.sessionchat.session.Conversation;
import org.sessionchat.session.SessionActor;
import org.sessionchat.session.SessionMessage;

/**
 * The Pinger of one ping-pong run: {@code rounds} strictly sequential round trips, each
 * timed, then {@code bye}. Every message passes both monitors (when they are on).
 */
final class PingPongDriver implements SessionActor {

  private final int rounds;
  private final Histogram roundTrips = new Histogram(3_600_000_000L, 3);
  private final Promise<Result> done = Promise.promise();
  private ActorContext context;
  private long sentAt;
  private long startedAt;
  private int count;

  PingPongDriver(int rounds) {
    this.rounds = rounds;
  }

  record Result(double messagesPerSecond, Histogram roundTripsNanos) {}

  @Override
  public void started(ActorContext context) {
    this.context = context;
  }

  /** Starts the session with {@code ponger} and plays every round; completes after the last pong. */
  Future<Result> run(ActorRef ponger) {
    context.startSession("PingPong", "Pinger", Map.of("Ponger", ponger)).onSuccess(session -> {
      startedAt = System.nanoTime();
      ping(session);
    }).onFailure(done::tryFail);
    return done.future();
  }

  private void ping(Conversation session) {
    sentAt = System.nanoTime();
    session.send("Ponger", "ping", (long) count).onFailure(done::tryFail);
  }

  @Override
  public void received(Conversation session, SessionMessage message) {
    long now = System.nanoTime();
    roundTrips.recordValue(now - sentAt);
    if (++count < rounds) {
      ping(session);
      return;
    }
    double seconds = (now - startedAt) / 1e9;
    session.send("Ponger", "bye");
    done.tryComplete(new Result(2 * rounds / seconds, roundTrips));
  }
}
