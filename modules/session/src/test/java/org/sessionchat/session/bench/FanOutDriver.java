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
 * hub plays ChatRoom), rounds of one {@code incomingChatMessage} to every subscriber, for at
 * least {@code durationNanos}.
 *
 * <p>Flow control, so that a run measures delivery and not a growing queue: the hub sends
 * rounds in chunks of {@link #CHUNK}; each subscriber answers each chunk with one
 * {@code outgoingChatMessage} ({@link BenchPeers}), and the hub keeps at most {@link #WINDOW}
 * chunks unanswered. The run ends when every subscriber has answered the last chunk;
 * messages/s counts the hub's lines (the answers, one per {@value #CHUNK} lines, are not counted).
 *
 * <p>{@code batched}: each round goes out with {@link ActorContext#sendEach} (the runtime
 * groups the envelopes by the receivers' event loop, as a chat room does); otherwise with one
 * {@link Conversation#send} per subscriber.
 */
final class FanOutDriver implements SessionActor {

  /** Lines per subscriber between two answers. */
  static final int CHUNK = 50;
  /** Chunks the hub may have sent and not had answered by everybody. */
  static final int WINDOW = 4;

  private final long durationNanos;
  private final boolean batched;
  private final Promise<RunResult> done = Promise.promise();
  private ActorContext context;
  private List<Conversation> sessions;
  private long startedAt;
  private final CpuClock cpu;
  private long cpuAtStart;
  private long chunksSent;
  private long answers;
  private boolean stopped;

  FanOutDriver(long durationNanos, boolean batched, CpuClock cpu) {
    this.cpu = cpu;
    this.durationNanos = durationNanos;
    this.batched = batched;
  }

  @Override
  public void started(ActorContext context) {
    this.context = context;
  }

  /** Sets up a session with each of {@code subscribers}, then broadcasts until the time is up. */
  Future<RunResult> run(List<ActorRef> subscribers) {
    List<Future<Conversation>> setUp = new ArrayList<>();
    for (ActorRef subscriber : subscribers) {
      setUp.add(context.startSession("ChatSession", "ChatRoom", Map.of("ClientThread", subscriber)));
    }
    Future.all(setUp).onSuccess(all -> {
      sessions = all.list();
      startedAt = System.nanoTime();
      cpuAtStart = cpu.nanos();
      for (int i = 0; i < WINDOW; i++) {
        sendChunk();
      }
    }).onFailure(done::tryFail);
    return done.future();
  }

  private void sendChunk() {
    for (int round = 0; round < CHUNK; round++) {
      String text = "m" + round;
      if (batched) {
        context.sendEach(sessions, "ClientThread", "incomingChatMessage", text).onFailure(done::tryFail);
      } else {
        for (Conversation session : sessions) {
          session.send("ClientThread", "incomingChatMessage", text).onFailure(done::tryFail);
        }
      }
    }
    chunksSent++;
  }

  @Override
  public void received(Conversation session, SessionMessage message) {
    answers++;
    long answeredChunks = answers / sessions.size();
    long now = System.nanoTime();
    if (!stopped && now - startedAt >= durationNanos) {
      stopped = true;
    }
    if (!stopped && chunksSent - answeredChunks < WINDOW) {
      sendChunk();
    } else if (stopped && answers == chunksSent * sessions.size()) {
      done.tryComplete(new RunResult(chunksSent * CHUNK * sessions.size(), now - startedAt, cpuUsed(), null));
    }
  }

  private long cpuUsed() {
    long end = cpu.nanos();
    return end < 0 || cpuAtStart < 0 ? -1 : end - cpuAtStart;
  }
}
