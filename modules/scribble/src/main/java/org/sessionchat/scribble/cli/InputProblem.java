package org.sessionchat.scribble.cli;

/** A problem with what the user gave (file, protocol, role): printed as is, no stack trace. */
final class InputProblem extends RuntimeException {

  private static final long serialVersionUID = 1L;

  InputProblem(String message) {
    super(message, null, false, false);
  }
}
