package org.sessionchat.session;

/**
 * A session could not be set up: an invitee was unknown, unreachable, not allowed to play
 * its role, or refused.
 *
 * <p>Why its own type: the initiator branches on it (the chat client tells its user the
 * room is offline) and the message names the role and the actor that failed.
 */
public final class SessionSetupException extends RuntimeException {

  private final String role;

  public SessionSetupException(String protocol, String role, ActorRef invitee, String why) {
    super(protocol + ": " + role + " (" + invitee + ") " + why, null, false, false);
    this.role = role;
  }

  /** The role whose invitee failed. */
  public String role() {
    return role;
  }
}
