package org.sessionchat.scribble.ast;

import java.util.List;

/** A local receive {@code label(T1, T2) from A;}: the projection of a message onto its receiver. */
public record Receive(Name label, List<Name> payload, Name from) implements Interaction {

  public Receive {
    payload = List.copyOf(payload);
  }

  @Override
  public Position position() {
    return label.position();
  }
}
