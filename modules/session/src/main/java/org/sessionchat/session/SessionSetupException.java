package org.sessionchat.session;

/**
 * A session could not be set up: an invitee was unknown, unreachable, not allowed to play
 * its role, refused, did not answer, or left before the session was established.
 *
 * <p>Why its own type with a {@link SetupFailure}: the initiator branches on the reason
 * (the chat client tells its user the room is full on {@link SetupFailure#REFUSED} and
 * offline otherwise); the message names the role and the actor that failed, for logs.
 */
public final class SessionSetupException extends RuntimeException {

  private final String role;
  private final SetupFailure reason;

  public SessionSetupException(String protocol, String role, ActorRef invitee, SetupFailure reason, String why) {
    super(protocol + ": " + role + " (" + invitee + ") " + why, null, false, false);
    this.role = role;
    this.reason = reason;
  }

  /** The role whose invitee failed. */
  public String role() {
    return role;
  }

  /** Why the set-up failed. */
  public SetupFailure reason() {
    return reason;
  }
}
