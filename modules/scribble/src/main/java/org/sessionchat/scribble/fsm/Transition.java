package org.sessionchat.scribble.fsm;

import java.util.List;

/**
 * A message transition of a local FSM: this role sends to or receives from {@code peer} a
 * message {@code label} with the given payload types, and moves to state {@code target}.
 */
public record Transition(Direction direction, String peer, String label, List<String> payload,
    int target) {

  public Transition {
    payload = List.copyOf(payload);
  }

  /** The number of payload values. */
  public int arity() {
    return payload.size();
  }

  /** Whether this transition takes the message; written to allocate nothing. */
  boolean matches(Direction d, String p, String l, int a) {
    return direction == d && payload.size() == a && label.equals(l) && peer.equals(p);
  }

  Transition withTarget(int newTarget) {
    return new Transition(direction, peer, label, payload, newTarget);
  }

  /** With payload types, e.g. {@code ?roomPID(RoomName, PID) from RoomRegistry}. */
  public String signature() {
    String message = label + "(" + String.join(", ", payload) + ")";
    return direction == Direction.SEND ? "!" + message + " to " + peer
        : "?" + message + " from " + peer;
  }

  /** The short form used in logs, e.g. {@code !lookupRoom(1) to RoomRegistry}. */
  @Override
  public String toString() {
    return direction == Direction.SEND
        ? "!" + label + "(" + arity() + ") to " + peer
        : "?" + label + "(" + arity() + ") from " + peer;
  }
}
