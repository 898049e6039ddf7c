package org.sessionchat.chat.web;

import java.util.Map;
import org.sessionchat.session.ActorRef;
import org.sessionchat.session.EndReason;
import org.sessionchat.session.SessionSnapshot.Step;

/**
 * One participant's part of one session on this node, as the console shows it: who, since
 * when, how many messages, and where its FSM was when the view last read it.
 *
 * <p>Why no locks: the FSM's fields are written only by the view's sampler (one sample at a
 * time), the end only by the actor's context; the console reads them a few times a second
 * and a value one sample old is fine there.
 */
final class LiveSession {

  final String sessionId;
  final String protocol;
  final String role;
  final ActorRef actor;
  final Map<String, ActorRef> peers;
  final long startedMillis;
  /** The sample the view was at when it learnt of this session ({@link NodeView#sampling}). */
  final long knownSince;
  private volatile String state;
  private volatile String previousState;
  private volatile String lastLabel;
  private volatile Step lastStep;
  private volatile long sent;
  private volatile long received;
  private volatile long lastSample;
  private volatile EndReason ended;
  private volatile long endedMillis;

  LiveSession(SessionEvents.Started started, long startedMillis, long knownSince) {
    this.sessionId = started.sessionId();
    this.protocol = started.protocol();
    this.role = started.role();
    this.actor = started.actor();
    this.peers = started.peers();
    this.startedMillis = startedMillis;
    this.knownSince = knownSince;
    this.state = started.state();
  }

  /**
   * The FSM as sample {@code sample} read it. The state before the last step is known only
   * when that step is the one move since the previous sample; otherwise it is left null
   * (the page then marks every edge on the last label into the current state).
   */
  void sampled(SessionEvents.Sampled now, long sample) {
    long moves = (now.sent() - sent) + (now.received() - received);
    boolean oneMessage = moves == 1 && now.lastStep() != Step.RESUMED;
    boolean oneResume = moves == 0 && now.lastStep() == Step.RESUMED && !now.state().equals(state);
    if (oneMessage || oneResume) {
      previousState = state;
    } else if (moves > 0) {
      previousState = null;
    }
    state = now.state();
    sent = now.sent();
    received = now.received();
    lastStep = now.lastStep();
    lastLabel = now.lastLabel();
    lastSample = sample;
  }

  /** The sample that last read this session, 0 if none has. */
  long lastSample() {
    return lastSample;
  }

  void ended(EndReason reason, long nowMillis) {
    endedMillis = nowMillis;
    ended = reason;
  }

  String state() {
    return state;
  }

  /** The state before the last step, or null when the view did not see it. */
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
