package org.sessionchat.session;

import io.vertx.core.Future;
import java.util.Map;

/**
 * One actor's handle on one session it takes part in, in one role: the JVM counterpart
 * of monitored-session-erlang's {@code ConvKey}.
 *
 * <p>Why it exists: it is the only way application code sends. Every send is checked by
 * the monitor of this role before it leaves the node, and by the receiver's monitor when
 * it arrives.
 */
public interface Conversation {

  String sessionId();

  String protocol();

  /** The role this actor plays in the session. */
  String role();

  /** The actor playing {@code role} in this session. */
  ActorRef participant(String role);

  /** False once the session has ended for this actor. */
  boolean isActive();

  /**
   * Sends {@code label(payload...)} to the actor playing {@code toRole}.
   *
   * @return a future that succeeds once the message passed this role's monitor and was
   *     handed to the event bus, or fails with {@link ProtocolViolationException} (nothing
   *     was sent) or {@link IllegalStateException} if the session has ended
   */
  Future<Void> send(String toRole, String label, Object... payload);

  /**
   * Starts the sub-session the FSM waits for in an {@code initiates} state: this actor
   * fills the internal roles itself and {@code invitees} fill the {@code new} roles.
   * When the sub-session ends, this (parent) conversation resumes in the success block
   * or in the {@code handle} block named by {@link EndReason#failureName()}.
   *
   * @return the established sub-conversation, or a failed future (with the parent already
   *     resumed in its {@code handle (ParticipantOffline)} block) if an invitee was not
   *     reachable or refused
   */
  Future<Conversation> initiate(String protocol, Map<String, ActorRef> invitees);
}
