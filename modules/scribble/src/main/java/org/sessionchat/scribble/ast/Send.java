package org.sessionchat.scribble.ast;

import java.util.List;

/** A local send {@code label(T1, T2) to B;}: the projection of a message onto its sender. */
public record Send(Name label, List<Name> payload, Name to) implements Interaction {

  public Send {
    payload = List.copyOf(payload);
  }

  @Override
  public Position position() {
    return label.position();
  }
}
