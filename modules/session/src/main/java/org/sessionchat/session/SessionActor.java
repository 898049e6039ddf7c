package org.sessionchat.session;

/**
 * The callbacks of an actor that takes part in monitored sessions: the JVM counterpart of
 * monitored-session-erlang's {@code ssactor} behaviour.
 *
 * <p>Why callbacks and not raw event-bus consumers: the runtime owns addresses, envelopes
 * and monitors; application code sees only roles, sessions and messages. All callbacks of
 * one actor run on the Vert.x context that spawned it, one at a time, so an actor needs no
 * locks.
 */
public interface SessionActor {

  /** The actor is registered and may start sessions. Called once, before anything else. */
  default void started(ActorContext context) {
  }

  /**
   * An invitation to play {@code role} in a new session of {@code protocol}. Returning
   * false refuses it (e.g. a full room); the initiator's session then fails to set up.
   */
  default boolean acceptInvitation(String protocol, String role) {
    return true;
  }

  /**
   * Every role of the session is filled; the actor may now send and receive in it.
   * Typically the actor registers the conversation under a key for {@link ActorContext#become}.
   */
  default void conversationEstablished(Conversation conversation) {
  }

  /** A message in {@code conversation} that the monitor allowed. */
  void received(Conversation conversation, SessionMessage message);

  /**
   * The session is over for this actor. Called exactly once per established session.
   * For a sub-session started with {@link Conversation#initiate}, the parent conversation
   * has already been resumed in the matching block (success or {@code handle}).
   */
  default void conversationEnded(Conversation conversation, EndReason reason) {
  }

  /**
   * A message this actor sent in {@code conversation} was refused by the receiver's
   * monitor and never delivered (the sender's own monitor refuses through the failed
   * {@link Conversation#send} future instead). Default: ignored.
   */
  default void protocolViolation(Conversation conversation, ProtocolViolationException violation) {
  }

  /** The actor was stopped; all its sessions have ended. */
  default void stopped() {
  }
}
