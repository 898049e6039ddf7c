package org.sessionchat.session;

/**
 * Why a session ended for one participant.
 *
 * <p>Why an enum and not free text: actors branch on it (a room drops the member on any
 * reason; a client in a room tells its user {@code OFFLINE} only on
 * {@link #PARTICIPANT_OFFLINE}), and the parent of a sub-session resumes in the
 * {@code handle} block whose name is {@link #failureName()}.
 */
public enum EndReason {
  /** Every FSM reached an end the protocol allows (e.g. after {@code leaveRoom}). */
  COMPLETED(null),
  /** A participant still needed by the protocol stopped, crashed, or its node left the cluster. */
  PARTICIPANT_OFFLINE("ParticipantOffline"),
  /** This actor itself stopped or the local node is shutting down. */
  LOCAL_STOP(null),
  /** The session could not be set up: an invitee was unknown, unreachable or refused. */
  SETUP_FAILED("ParticipantOffline");

  private final String failureName;

  EndReason(String failureName) {
    this.failureName = failureName;
  }

  /** The Scribble failure name a parent's {@code handle} block matches, or null for success/none. */
  public String failureName() {
    return failureName;
  }
}
