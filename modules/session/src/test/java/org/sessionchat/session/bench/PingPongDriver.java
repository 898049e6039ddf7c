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
 * The Pinger of one ping-pong run: strictly sequential round trips, each timed, for at least
 * {@code durationNanos}, then {@code bye}. Every message passes both monitors (when they are
 * on); messages/s counts both directions.
 */
final class PingPongDriver implements SessionActor {

  private final long durationNanos;
  private final Histogram roundTrips = new Histogram(3_600_000_000L, 3);
  private final Promise<RunResult> done = Promise.promise();
  private ActorContext context;
  private long sentAt;
  private long startedAt;
  private final CpuClock cpu;
  private long cpuAtStart;
  private long count;

  PingPongDriver(long durationNanos, CpuClock cpu) {
    this.cpu = cpu;
    this.durationNanos = durationNanos;
  }

  @Override
  public void started(ActorContext context) {
    this.context = context;
  }

  /** Starts the session with {@code ponger} and plays round trips until the time is up; completes after the last pong. */
  Future<RunResult> run(ActorRef ponger) {
    context.startSession("PingPong", "Pinger", Map.of("Ponger", ponger)).onSuccess(session -> {
      startedAt = System.nanoTime();
      cpuAtStart = cpu.nanos();
      ping(session);
    }).onFailure(done::tryFail);
    return done.future();
  }

  private void ping(Conversation session) {
    sentAt = System.nanoTime();
    session.send("Ponger", "ping", count).onFailure(done::tryFail);
  }

  @Override
  public void received(Conversation session, SessionMessage message) {
    long now = System.nanoTime();
    roundTrips.recordValue(now - sentAt);
    count++;
    if (now - startedAt < durationNanos) {
      ping(session);
      return;
    }
    session.send("Ponger", "bye");
    done.tryComplete(new RunResult(2 * count, now - startedAt, cpuUsed(), roundTrips));
  }

  private long cpuUsed() {
    long end = cpu.nanos();
    return end < 0 || cpuAtStart < 0 ? -1 : end - cpuAtStart;
  }
}
