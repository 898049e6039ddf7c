package org.sessionchat.scribble.ast;

/**
 * An identifier as written in the source: a role, label, type or protocol name together
 * with where it was written, so a check on the name can report its exact position.
 */
public record Name(String value, Position position) {

  @Override
  public String toString() {
    return value;
  }
}
