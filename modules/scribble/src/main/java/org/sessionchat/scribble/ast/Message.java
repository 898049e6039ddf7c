package org.sessionchat.scribble.ast;

import java.util.List;

/** A global message {@code label(T1, T2) from A to B;}. */
public record Message(Name label, List<Name> payload, Name from, Name to) implements Interaction {

  public Message {
    payload = List.copyOf(payload);
  }

  @Override
  public Position position() {
    return label.position();
  }
}
