package org.sessionchat.scribble.fsm;

/** Whether a transition of a local FSM is a message the role sends or one it receives. */
public enum Direction {
  SEND,
  RECEIVE
}
