package org.sessionchat.session.impl;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.sessionchat.session.EndReason;
import org.sessionchat.session.MonitorRefusal;
import org.sessionchat.session.SessionObserver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link SessionObserver}s of one node. With none registered every method returns after
 * one volatile read: the hot path builds no event for nobody; nor does {@link #stepped},
 * called per message, while no registered observer {@linkplain SessionObserver#observesSteps()
 * observes steps}.
 */
final class Observers {

  private static final Logger LOG = LoggerFactory.getLogger(Observers.class);

  private final CopyOnWriteArrayList<SessionObserver> observers = new CopyOnWriteArrayList<>();
  private final CopyOnWriteArrayList<SessionObserver> stepObservers = new CopyOnWriteArrayList<>();
  private volatile boolean any;
  private volatile boolean anySteps;

  synchronized AutoCloseable add(SessionObserver observer) {
    observers.add(observer);
    if (observer.observesSteps()) {
      stepObservers.add(observer);
    }
    any = true;
    anySteps = !stepObservers.isEmpty();
    return () -> remove(observer);
  }

  private synchronized void remove(SessionObserver observer) {
    observers.remove(observer);
    stepObservers.remove(observer);
    any = !observers.isEmpty();
    anySteps = !stepObservers.isEmpty();
  }

  boolean any() {
    return any;
  }

  void sessionStarted(LocalConversation conversation) {
    if (any) {
      var snapshot = conversation.snapshot();
      each(observer -> observer.sessionStarted(snapshot));
    }
  }

  void stepped(LocalConversation conversation, boolean sent, String peerRole, String label) {
    if (anySteps) {
      String state = conversation.monitor().describeState();
      each(stepObservers, observer -> observer.stepped(conversation.sessionId(), conversation.role(), sent, peerRole,
          label, state));
    }
  }

  void resumed(LocalConversation conversation, String outcome) {
    if (any) {
      String state = conversation.monitor().describeState();
      each(observer -> observer.resumed(conversation.sessionId(), conversation.role(), outcome, state));
    }
  }

  void sessionEnded(LocalConversation conversation, EndReason reason) {
    if (any) {
      each(observer -> observer.sessionEnded(conversation.sessionId(), conversation.role(), reason));
    }
  }

  void refused(MonitorRefusal refusal) {
    if (any) {
      each(observer -> observer.refused(refusal));
    }
  }

  void nodeLeft(String nodeId) {
    if (any) {
      each(observer -> observer.nodeLeft(nodeId));
    }
  }

  private void each(java.util.function.Consumer<SessionObserver> event) {
    each(observers, event);
  }

  private static void each(List<SessionObserver> observers, java.util.function.Consumer<SessionObserver> event) {
    for (SessionObserver observer : observers) {
      try {
        event.accept(observer);
      } catch (RuntimeException e) {
        LOG.error("session observer {} failed", observer, e);
      }
    }
  }
}
