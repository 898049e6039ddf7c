package org.sessionchat.scribble.ast;

/**
 * A protocol that passed validation but that a later stage (projection, FSM construction)
 * cannot handle, with the position to report it at. No stack trace: it is about the input.
 */
public final class ProtocolProblem extends Exception {

  private static final long serialVersionUID = 1L;

  private final transient Position position;

  public ProtocolProblem(Position position, String message) {
    super(message, null, false, false);
    this.position = position;
  }

  public Position position() {
    return position;
  }
}
