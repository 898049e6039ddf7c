package org.sessionchat.scribble.ast;

import java.util.List;

/**
 * The report's extension {@code A initiates Q(A, new R) { ... } handle (F) { ... }}: role
 * {@code initiator} starts a sub-session of protocol {@code protocol} and carries on in the
 * success block or in the handler named by the sub-session's failure.
 */
public record Initiates(
    Name initiator, Name protocol, List<RoleArg> args, List<Interaction> success,
    List<Handler> handlers)
    implements Interaction {

  public Initiates {
    args = List.copyOf(args);
    success = List.copyOf(success);
    handlers = List.copyOf(handlers);
  }

  @Override
  public Position position() {
    return initiator.position();
  }
}
