package org.sessionchat.scribble.ast;

import java.util.List;

/**
 * {@code do P(A, B);}: runs protocol {@code P} with its roles played by the given roles of
 * this protocol, in order. Only in global protocols as written; the inliner replaces each
 * {@code do} by the body it calls (a recursive call becomes a {@code rec}/{@code continue}),
 * so projection and FSM construction never see one.
 */
public record Do(Name protocol, List<Name> roles, Position position) implements Interaction {

  public Do {
    roles = List.copyOf(roles);
  }
}
