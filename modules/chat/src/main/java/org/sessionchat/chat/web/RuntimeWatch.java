package org.sessionchat.chat.web;

import java.util.HashMap;
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
 * {@link #attach} registers a {@link SessionObserver} and seeds the view with a snapshot of
 * the sessions running now; {@link #detach} removes the observer again.
 *
 * <p>Why only while watched: with no observer registered the runtime builds no events at
 * all, so a node nobody looks at pays nothing for its console (departed nodes are still
 * logged, through the runtime's node-left listener, which costs nothing per message).
 */
final class RuntimeWatch {

  private static final Logger log = LoggerFactory.getLogger(RuntimeWatch.class);

  private final SessionRuntime runtime;
  private final NodeView view;
  private AutoCloseable registration;

  RuntimeWatch(SessionRuntime runtime, NodeView view) {
    this.runtime = runtime;
    this.view = view;
  }

  synchronized void attach() {
    if (registration != null) {
      return;
    }
    registration = runtime.observe(new Bridge(view));
    runtime.sessions().onSuccess(sessions -> sessions.forEach(session -> view.seed(started(session),
            session.started().toEpochMilli(), session.messagesOut(), session.messagesIn())))
        .onFailure(e -> log.debug("Could not read the node's sessions: {}", e.getMessage()));
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

  /** The runtime's observations in the console's terms. */
  private record Bridge(SessionEvents events) implements SessionObserver {

    @Override
    public void sessionStarted(SessionSnapshot session) {
      events.started(started(session));
    }

    @Override
    public void stepped(String sessionId, String role, boolean sent, String peerRole, String label, String state) {
      events.moved(new SessionEvents.Moved(sessionId, role, state, label, sent));
    }

    @Override
    public void resumed(String sessionId, String role, String outcome, String state) {
      events.resumed(sessionId, role, outcome, state);
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
