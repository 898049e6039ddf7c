package org.sessionchat.scribble.fsm;

/**
 * How far an FSM (or nested FSM) is from being done: not at all, idling at the head of an
 * exitless {@code rec} (complete only once some sibling branch really is), or done.
 */
enum Completion {
  NONE,
  IDLE,
  DONE;

  static Completion of(State state) {
    if (state.kind() != State.Kind.MESSAGES) {
      return NONE;
    }
    return state.endsHere() ? DONE : state.idleHead() ? IDLE : NONE;
  }
}
