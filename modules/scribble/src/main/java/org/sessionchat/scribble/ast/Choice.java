package org.sessionchat.scribble.ast;

import java.util.List;

/** {@code choice at A { ... } or { ... }}: role {@code at} decides which branch runs. */
public record Choice(Name at, List<List<Interaction>> branches, Position position)
    implements Interaction {

  public Choice {
    branches = branches.stream().map(List::copyOf).toList();
  }
}
