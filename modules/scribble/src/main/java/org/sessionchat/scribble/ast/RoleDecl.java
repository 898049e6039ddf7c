package org.sessionchat.scribble.ast;

/** A role parameter {@code role A} of a protocol. */
public record RoleDecl(Name name) {

  public String value() {
    return name.value();
  }
}
