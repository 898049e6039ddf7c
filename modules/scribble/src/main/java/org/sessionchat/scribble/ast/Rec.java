package org.sessionchat.scribble.ast;

import java.util.List;

/** {@code rec X { ... }}: a loop head that {@code continue X;} jumps back to. */
public record Rec(Name label, List<Interaction> body, Position position) implements Interaction {

  public Rec {
    body = List.copyOf(body);
  }
}
