package org.sessionchat.scribble.fsm;

import java.util.List;
import org.sessionchat.scribble.ast.Position;

/**
 * A message transition of a local FSM: this role sends to or receives from {@code peer} a
 * message {@code label} with the given payload types, and moves to state {@code target}.
 *
 * @param position where the message is written (for diagnostics about the composed system)
 * @param checks   the run-time check of each payload type, in order
 */
public record Transition(Direction direction, String peer, String label, List<String> payload,
    int target, Position position, List<PayloadType> checks) {

  public Transition {
    payload = List.copyOf(payload);
    checks = List.copyOf(checks);
    if (checks.size() != payload.size()) {
      throw new IllegalArgumentException("one check per payload type: " + payload + checks);
    }
  }

  /** A transition whose payload values are not checked, written nowhere in particular. */
  public Transition(Direction direction, String peer, String label, List<String> payload,
      int target) {
    this(direction, peer, label, payload, target, new Position(0, 0),
        payload.stream().map(PayloadType::unchecked).toList());
  }

  /** The number of payload values. */
  public int arity() {
    return payload.size();
  }

  /** Whether this transition takes the message; written to allocate nothing. */
  boolean matches(Direction d, String p, String l, int a) {
    return direction == d && payload.size() == a && label.equals(l) && peer.equals(p);
  }

  /** Whether every value is of its payload type (the arity already matched); allocates nothing. */
  boolean accepts(List<?> values) {
    for (int i = 0, n = checks.size(); i < n; i++) {
      if (!checks.get(i).accepts(values.get(i))) {
        return false;
      }
    }
    return true;
  }

  Transition withTarget(int newTarget) {
    return new Transition(direction, peer, label, payload, newTarget, position, checks);
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
