package org.sessionchat.session;

/**
 * Why a session could not be set up: the typed reason of a {@link SessionSetupException}.
 *
 * <p>Why an enum with a wire code, like Vert.x's {@code ReplyFailure}: the invitee's node
 * decides most of these and reports them as the failure code of the invitation's reply, so
 * the reason survives the event bus; callers switch on it instead of reading message text.
 */
public enum SetupFailure {
  /** No actor with that id lives on the invitee's node (never spawned, or already stopped). */
  UNKNOWN_ACTOR(404),
  /** The actor turned the invitation down, or its kind may not play the role. */
  REFUSED(403),
  /** The invitee's node is not in the cluster (no consumer for its address). */
  UNREACHABLE(503),
  /** The invitation went unanswered for the set-up timeout. */
  TIMED_OUT(504),
  /** A participant left (stopped, or its node left the cluster) before the session was established. */
  PARTICIPANT_LEFT(410);

  private final int wireCode;

  SetupFailure(int wireCode) {
    this.wireCode = wireCode;
  }

  /** The failure code an invitee's node answers an invitation with. */
  public int wireCode() {
    return wireCode;
  }

  /** The reason behind a failure code of an invitation's reply; {@link #REFUSED} for codes this version does not know. */
  public static SetupFailure fromWireCode(int code) {
    for (SetupFailure failure : values()) {
      if (failure.wireCode == code) {
        return failure;
      }
    }
    return REFUSED;
  }
}
