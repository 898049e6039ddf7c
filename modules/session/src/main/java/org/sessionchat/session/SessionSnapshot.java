package org.sessionchat.session;

import java.time.Instant;
import java.util.Map;

/**
 * One local participant's view of one session at one moment, for pages and tools that show
 * what the monitors are doing.
 *
 * @param actor        the local actor playing {@link #role()}
 * @param actorKind    its kind in the role configuration
 * @param participants every role's actor, this one included
 * @param state        the role's FSM state as {@code Monitor.describeState()} prints it
 * @param messagesIn   messages this role received in the session (passed its monitor)
 * @param messagesOut  messages this role sent in the session (passed its monitor)
 */
public record SessionSnapshot(String sessionId, String protocol, String role, ActorRef actor, String actorKind,
    Map<String, ActorRef> participants, Instant started, String state, long messagesIn, long messagesOut) {

  public SessionSnapshot {
    participants = Map.copyOf(participants);
  }
}
