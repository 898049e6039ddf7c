package org.sessionchat.scribble.fsm;

/**
 * Which FSM a state belongs to: the top level, or branch {@code branch} of the {@code par}
 * state {@code par} (a nested FSM). Printers draw each nested FSM as its own cluster.
 */
public record Region(int par, int branch) {

  /** The outermost FSM. */
  public static final Region TOP = new Region(-1, -1);

  public boolean isTop() {
    return par < 0;
  }
}
