package org.sessionchat.scribble.fsm;

import java.util.ArrayList;
import java.util.List;

/**
 * One role's place in its FSM as an immutable value, for checking the composed system of
 * all roles (scribble-java's {@code SConfig} holds one {@code EFsm} per role the same way).
 * It moves exactly as a {@link Monitor} would: through the same cursor code, nested
 * {@code par} FSMs, joins and {@code initiates} exits included.
 */
public final class RoleState {

  /**
   * A thing the role can do next: a message ({@code transition}) or leaving an
   * {@code initiates} state with {@code outcome}; {@code source} is the state it leaves.
   */
  public record Move(Transition transition, String outcome, int source) {

    public boolean isSend() {
      return transition != null && transition.direction() == Direction.SEND;
    }

    public boolean isReceive() {
      return transition != null && transition.direction() == Direction.RECEIVE;
    }
  }

  private final LocalFsm fsm;
  private final FsmCursor cursor;
  private final String key;
  private final List<Move> moves;

  private RoleState(LocalFsm fsm, FsmCursor cursor) {
    this.fsm = fsm;
    this.cursor = cursor;
    this.key = cursor.describe();
    List<Move> collected = new ArrayList<>();
    cursor.collectMoves(collected);
    this.moves = List.copyOf(collected);
  }

  /** The role at the initial state of its FSM. */
  public static RoleState initial(LocalFsm fsm) {
    return new RoleState(fsm, new FsmCursor(fsm, fsm.initial()));
  }

  /** The state after a move of {@link #moves()}. */
  public RoleState after(Move move) {
    FsmCursor next = cursor.copy();
    boolean moved = move.transition() == null ? next.resume(move.outcome())
        : next.step(move.transition().direction(), move.transition().peer(),
            move.transition().label(), move.transition().arity(), null);
    if (!moved) {
      throw new IllegalStateException("not a move of " + key + ": " + move);
    }
    return new RoleState(fsm, next);
  }

  public List<Move> moves() {
    return moves;
  }

  /** Equal for equal places, e.g. {@code S2[par: S5|S9]}. */
  public String key() {
    return key;
  }

  /** Nothing left to do. */
  public boolean isTerminal() {
    return cursor.isTerminal();
  }

  /**
   * The role is done here, as scribble-java judges it: nothing left to do, or idling at the
   * head of an exitless loop. A state where the role may end but may also still receive
   * (a choice in which it takes part in some branches only) does not count: the role would
   * wait there while the others have finished.
   */
  public boolean mayEnd() {
    Completion completion = cursor.completion();
    return completion == Completion.IDLE || (completion == Completion.DONE && moves.isEmpty());
  }

  /**
   * Whether a state lies inside a {@code par} branch that is an exitless loop: a stream
   * that may be cut off once the rest of its par is done (docs/protocol.md), so a message
   * it sent may be left unread by design.
   */
  public boolean isStreaming(int stateId) {
    Region region = fsm.state(stateId).region();
    while (!region.isTop()) {
      State par = fsm.state(region.par());
      if (fsm.completionOnEntry(par.branches().get(region.branch())) == Completion.IDLE) {
        return true;
      }
      region = par.region();
    }
    return false;
  }

  @Override
  public String toString() {
    return fsm.role() + "@" + key;
  }
}
