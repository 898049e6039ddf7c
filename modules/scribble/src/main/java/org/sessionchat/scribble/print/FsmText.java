package org.sessionchat.scribble.print;

import java.util.stream.Collectors;
import org.sessionchat.scribble.fsm.Initiation;
import org.sessionchat.scribble.fsm.State;
import org.sessionchat.scribble.fsm.Transition;

/** Wording shared by the FSM printers, so the text dump and the DOT graph say the same. */
final class FsmText {

  private FsmText() {}

  /** E.g. {@code initiates ChatSession(ClientThread, new ChatRoom)}. */
  static String initiation(Initiation i) {
    return "initiates " + i.protocol() + "(" + i.internal().stream()
        .collect(Collectors.joining(", ")) + (i.internal().isEmpty() || i.external().isEmpty()
        ? "" : ", ") + i.external().stream().map(r -> "new " + r)
        .collect(Collectors.joining(", ")) + ")";
  }

  /** Why a state may be where its FSM stops, or empty if it may not. */
  static String ending(State s) {
    if (s.isTerminal()) {
      return "end";
    }
    if (s.endsHere()) {
      return "may end";
    }
    if (s.idleHead()) {
      return "idle: head of an exitless rec, counts as complete";
    }
    return "";
  }
}
