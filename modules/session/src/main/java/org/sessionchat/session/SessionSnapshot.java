package org.sessionchat.session;

import java.time.Instant;
import java.util.Map;

/**
 * One local participant's view of one session at one moment, for pages and tools that show
 * what the monitors are doing.
 *
 * <p>Why the last step and not every step: a reader that polls (a page redrawn twice a
 * second) can still show the transition just taken, and the monitors record it with two
 * field writes, no event.
 *
 * @param actor        the local actor playing {@link #role()}
 * @param actorKind    its kind in the role configuration
 * @param participants every role's actor, this one included
 * @param state        the role's FSM state as {@code Monitor.describeState()} prints it
 * @param messagesIn   messages this role received in the session (passed its monitor)
 * @param messagesOut  messages this role sent in the session (passed its monitor)
 * @param lastStep     how the FSM last moved, or null if it has not moved yet
 * @param lastLabel    the label it last moved on (for {@link Step#RESUMED}: the sub-session's
 *                     outcome, {@code success} or e.g. {@code ParticipantOffline}), or null
 */
public record SessionSnapshot(String sessionId, String protocol, String role, ActorRef actor, String actorKind,
    Map<String, ActorRef> participants, Instant started, String state, long messagesIn, long messagesOut,
    Step lastStep, String lastLabel) {

  /** How an FSM moved. */
  public enum Step {
    /** It sent a message. */
    SENT,
    /** It received a message. */
    RECEIVED,
    /** It left an {@code initiates} state because its sub-session ended. */
    RESUMED
  }

  public SessionSnapshot {
    participants = Map.copyOf(participants);
  }

  /** A snapshot that says nothing of the last step. */
  public SessionSnapshot(String sessionId, String protocol, String role, ActorRef actor, String actorKind,
      Map<String, ActorRef> participants, Instant started, String state, long messagesIn, long messagesOut) {
    this(sessionId, protocol, role, actor, actorKind, participants, started, state, messagesIn, messagesOut, null, null);
  }
}
