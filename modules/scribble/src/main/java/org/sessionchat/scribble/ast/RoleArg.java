package org.sessionchat.scribble.ast;

/**
 * One argument of an {@code initiates}: a role of the parent protocol passed on
 * (internal invitation), or {@code new R} for a role filled by a fresh actor
 * (external invitation).
 */
public record RoleArg(Name role, boolean fresh) {

  @Override
  public String toString() {
    return fresh ? "new " + role.value() : role.value();
  }
}
