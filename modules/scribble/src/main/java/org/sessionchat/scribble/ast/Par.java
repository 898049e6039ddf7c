package org.sessionchat.scribble.ast;

import java.util.List;

/** {@code par { ... } and { ... }}: branches that run interleaved and join at the end. */
public record Par(List<List<Interaction>> branches, Position position) implements Interaction {

  public Par {
    branches = branches.stream().map(List::copyOf).toList();
  }
}
