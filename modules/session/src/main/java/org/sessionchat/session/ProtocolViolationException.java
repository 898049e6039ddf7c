package org.sessionchat.session;

/**
 * The monitor refused a message: the role's FSM does not allow it in the current state.
 *
 * <p>Why an exception carrying the details: the sending actor gets it as the failure of
 * its {@link Conversation#send} future and reports it (the chat client turns it into
 * {@code ERROR:PROTOCOL_VIOLATION:<detail>}); the message itself was never delivered.
 */
public final class ProtocolViolationException extends RuntimeException {

  private final String sessionId;
  private final String protocol;
  private final String role;
  private final String state;
  private final String label;
  private final RefusalReason reason;

  public ProtocolViolationException(String sessionId, String protocol, String role, String state, String label) {
    this(sessionId, protocol, role, state, label, RefusalReason.FORBIDDEN);
  }

  public ProtocolViolationException(String sessionId, String protocol, String role, String state, String label,
      RefusalReason reason) {
    super(protocol + "/" + role + " in state " + state + " may not send or receive '" + label + "' (session " + sessionId + ")",
        null, false, false);
    this.sessionId = sessionId;
    this.protocol = protocol;
    this.role = role;
    this.state = state;
    this.label = label;
    this.reason = reason;
  }

  /** Why the interceptor refused it; {@link RefusalReason#FORBIDDEN} when the FSM does not allow it. */
  public RefusalReason reason() { return reason; }

  public String sessionId() { return sessionId; }
  public String protocol() { return protocol; }
  public String role() { return role; }
  public String state() { return state; }
  public String label() { return label; }
}
