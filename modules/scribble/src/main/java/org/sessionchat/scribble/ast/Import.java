package org.sessionchat.scribble.ast;

import java.util.Optional;

/**
 * {@code import a.b.C;} or {@code import a.b.C as D;}: makes the protocols and types of
 * module {@code a.b.C} nameable here as {@code a.b.C.P} (or {@code D.P}). The imported file
 * must be loaded with this one.
 */
public record Import(Name module, Optional<Name> alias) {

  /** The prefix qualified names use for the imported module. */
  public String prefix() {
    return alias.map(Name::value).orElse(module.value());
  }
}
