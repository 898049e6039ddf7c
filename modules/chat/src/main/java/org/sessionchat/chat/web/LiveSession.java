package org.sessionchat.chat.web;

import java.util.Map;
import org.sessionchat.session.ActorRef;
import org.sessionchat.session.EndReason;

/**
 * One participant's part of one session on this node, as the console shows it: who, since
 * when, how many messages, and where its FSM is.
 *
 * <p>Why mutable fields and no locks: each session's monitor is driven from its actor's
 * context only, so every field has a single writer; the console reads them a few times a
 * second and a value one message old is fine there.
 */
final class LiveSession {

  /** How the FSM last moved. */
  enum Step { SENT, RECEIVED, RESUMED }

  final String sessionId;
  final String protocol;
  final String role;
  final ActorRef actor;
  final Map<String, ActorRef> peers;
  final long startedMillis;
  private volatile String state;
  private volatile String previousState;
  private volatile String lastLabel;
  private volatile Step lastStep;
  private volatile long sent;
  private volatile long received;
  private volatile EndReason ended;
  private volatile long endedMillis;

  LiveSession(SessionEvents.Started started, long startedMillis) {
    this(started, startedMillis, 0, 0);
  }

  /** A session already under way: it has sent and received so many messages. */
  LiveSession(SessionEvents.Started started, long startedMillis, long sent, long received) {
    this.sessionId = started.sessionId();
    this.protocol = started.protocol();
    this.role = started.role();
    this.actor = started.actor();
    this.peers = started.peers();
    this.startedMillis = startedMillis;
    this.state = started.state();
    this.sent = sent;
    this.received = received;
  }

  void moved(SessionEvents.Moved moved) {
    previousState = state;
    state = moved.state();
    lastLabel = moved.label();
    lastStep = moved.sent() ? Step.SENT : Step.RECEIVED;
    if (moved.sent()) {
      sent++;
    } else {
      received++;
    }
  }

  void resumed(String outcome, String newState) {
    previousState = state;
    state = newState;
    lastLabel = outcome;
    lastStep = Step.RESUMED;
  }

  void ended(EndReason reason, long nowMillis) {
    endedMillis = nowMillis;
    ended = reason;
  }

  String state() {
    return state;
  }

  String previousState() {
    return previousState;
  }

  String lastLabel() {
    return lastLabel;
  }

  /** How the FSM last moved, or null if it has not. */
  Step lastStep() {
    return lastStep;
  }

  long sent() {
    return sent;
  }

  long received() {
    return received;
  }

  /** Why it ended, or null while it runs. */
  EndReason ended() {
    return ended;
  }

  long endedMillis() {
    return endedMillis;
  }

  /** The key the console selects it by: one actor plays one role once per session. */
  String key() {
    return key(sessionId, role);
  }

  static String key(String sessionId, String role) {
    return sessionId + "/" + role;
  }
}
