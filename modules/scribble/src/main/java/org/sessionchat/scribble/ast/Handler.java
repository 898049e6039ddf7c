package org.sessionchat.scribble.ast;

import java.util.List;

/** {@code handle (Failure) { ... }}: what follows a sub-session that ended with {@code Failure}. */
public record Handler(Name failure, List<Interaction> body) {

  public Handler {
    body = List.copyOf(body);
  }
}
