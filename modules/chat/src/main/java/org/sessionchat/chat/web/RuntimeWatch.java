package org.sessionchat.chat.web;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sessionchat.session.ActorRef;
import org.sessionchat.session.EndReason;
import org.sessionchat.session.MonitorRefusal;
import org.sessionchat.session.SessionObserver;
import org.sessionchat.session.SessionRuntime;
import org.sessionchat.session.SessionSnapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connects the {@link NodeView} to the session runtime while at least one page watches:
 * {@link #attach} registers a {@link SessionObserver} for sessions starting and ending and
 * for refusals, and seeds the view with the sessions running now; {@link #sample} reads where
 * every session's FSM is (on each actor's own context, {@link SessionRuntime#sessions()});
 * {@link #detach} removes the observer again.
 *
 * <p>Why sampled and not observed per step: a busy node moves its FSMs a million times a
 * second and a page shows them twice a second. The observer declines steps
 * ({@link SessionObserver#observesSteps()}), so the monitors neither format a state nor call
 * anyone per message; a sample costs a snapshot per session and tick. Why only while
 * watched: with no observer registered the runtime builds no events at all, so a node nobody
 * looks at pays nothing for its console (departed nodes are still logged, through the
 * runtime's node-left listener, which costs nothing per message).
 */
final class RuntimeWatch {

  private static final Logger log = LoggerFactory.getLogger(RuntimeWatch.class);

  private final SessionRuntime runtime;
  private final NodeView view;
  private AutoCloseable registration;
  /** Counts attaches and detaches: a sample answered after its watch ended is dropped. */
  private volatile long watch;
  private Future<Void> running;

  RuntimeWatch(SessionRuntime runtime, NodeView view) {
    this.runtime = runtime;
    this.view = view;
  }

  /** Starts watching; the future completes when the view holds the sessions running now. */
  synchronized Future<Void> attach() {
    if (registration != null) {
      return Future.succeededFuture();
    }
    watch++;
    registration = runtime.observe(new Bridge(view));
    return read(true);
  }

  /**
   * Reads every session's FSM state and counts into the view; completes when they are in.
   * A sample still running is not started twice.
   */
  synchronized Future<Void> sample() {
    if (registration == null) {
      return Future.succeededFuture();
    }
    return read(false);
  }

  /**
   * The answer is applied on the caller's context (the hub's timer), not on the actor's
   * event loop that happens to answer last.
   */
  private Future<Void> read(boolean adopt) {
    if (running != null) {
      return running;
    }
    long sample = view.sampling();
    long ofWatch = watch;
    Context caller = Vertx.currentContext();
    Promise<Void> applied = Promise.promise();
    runtime.sessions().onComplete(answer -> {
      Handler<Void> apply = v -> {
        if (answer.succeeded()) {
          apply(ofWatch, sample, answer.result(), adopt);
          applied.complete();
        } else {
          log.debug("Could not read the node's sessions: {}", answer.cause().getMessage());
          applied.fail(answer.cause());
        }
      };
      if (caller == null) {
        apply.handle(null);
      } else {
        caller.runOnContext(apply);
      }
    });
    Future<Void> read = applied.future();
    running = read;
    read.onComplete(done -> finished(read));
    return read;
  }

  private synchronized void finished(Future<Void> read) {
    if (running == read) {
      running = null;
    }
  }

  private void apply(long ofWatch, long sample, List<SessionSnapshot> sessions, boolean adopt) {
    if (ofWatch != watch) {
      return; // read for a watch that has ended
    }
    List<SessionEvents.Sampled> states = new ArrayList<>(sessions.size());
    for (SessionSnapshot session : sessions) {
      if (adopt) {
        view.adopt(started(session), session.started().toEpochMilli(), sample);
      }
      states.add(new SessionEvents.Sampled(session.sessionId(), session.role(), session.state(),
          session.messagesOut(), session.messagesIn(), session.lastStep(), session.lastLabel()));
    }
    view.sampled(sample, states);
  }

  synchronized void detach() {
    if (registration == null) {
      return;
    }
    try {
      registration.close();
    } catch (Exception e) {
      log.debug("Could not remove the session observer: {}", e.getMessage());
    }
    registration = null;
    running = null;
    watch++;
    view.forgetRunning();
  }

  private static SessionEvents.Started started(SessionSnapshot session) {
    return new SessionEvents.Started(session.sessionId(), session.protocol(), session.role(), session.actor(),
        peers(session.participants(), session.role()), session.state());
  }

  private static Map<String, ActorRef> peers(Map<String, ActorRef> participants, String ownRole) {
    Map<String, ActorRef> peers = new HashMap<>(participants);
    peers.remove(ownRole);
    return peers;
  }

  /** The runtime's observations in the console's terms; no steps (they are sampled). */
  private record Bridge(SessionEvents events) implements SessionObserver {

    @Override
    public boolean observesSteps() {
      return false;
    }

    @Override
    public void sessionStarted(SessionSnapshot session) {
      events.started(started(session));
    }

    @Override
    public void sessionEnded(String sessionId, String role, EndReason reason) {
      events.ended(sessionId, role, reason);
    }

    @Override
    public void refused(MonitorRefusal refusal) {
      events.refused(new SessionEvents.Refused(refusal.sessionId(), refusal.protocol(), refusal.role(),
          refusal.state(), refusal.label(), refusal.expected(), refusal.reason().name()));
    }
  }
}
