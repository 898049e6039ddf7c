package org.sessionchat.scribble.fsm;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where one (nested) FSM is: a state, plus one cursor per branch while in a {@code par}.
 * Stepping reads the FSM's {@link StepTable} and allocates nothing except on entering a par
 * (its branch cursors) or on the rare lazy join.
 *
 * <p>A loop's message back to its head (every chat line, at the room and at the client)
 * changes nothing, so the cursor remembers the transition it took: while the cursor stays
 * where it is, the next message is first tried against that one transition alone. That is the
 * transition a search would take too, because it is remembered only when nothing the search
 * tries before it has the message's direction, peer, label and arity (an earlier transition of
 * its state, or of an earlier branch's, that refused the first payload might take another).
 */
final class FsmCursor {

  private final LocalFsm fsm;
  private final StepTable table;
  private int at;
  private FsmCursor[] branches;
  /** The self-loop transition the last step took, of this state or of a branch's; -1 for none. */
  private int loop = -1;

  FsmCursor(LocalFsm fsm, int start) {
    this.fsm = fsm;
    this.table = fsm.table();
    enter(start);
  }

  private FsmCursor(FsmCursor other) {
    this.fsm = other.fsm;
    this.table = other.table;
    this.at = other.at;
    this.loop = other.loop;
    if (other.branches != null) {
      branches = new FsmCursor[other.branches.length];
      for (int i = 0; i < branches.length; i++) {
        branches[i] = new FsmCursor(other.branches[i]);
      }
    }
  }

  /** An independent copy (for exploring the composed system; never on the monitor path). */
  FsmCursor copy() {
    return new FsmCursor(this);
  }

  /**
   * What this cursor can do next, each message once, in the order {@link #step} tries
   * them (so the transition listed is the one a step on its message takes).
   */
  void collectMoves(List<RoleState.Move> into) {
    State state = state();
    switch (state.kind()) {
      case MESSAGES -> {
        for (Transition t : state.transitions()) {
          addMove(into, new RoleState.Move(t, null, state.id()));
        }
      }
      case INITIATES -> state.exits().keySet()
          .forEach(outcome -> into.add(new RoleState.Move(null, outcome, state.id())));
      case PAR -> {
        for (FsmCursor branch : branches) {
          branch.collectMoves(into);
        }
        if (branchCompletion() == Completion.DONE) {
          new FsmCursor(fsm, state.join()).collectMoves(into);
        }
      }
    }
  }

  private static void addMove(List<RoleState.Move> into, RoleState.Move move) {
    for (RoleState.Move other : into) {
      Transition t = other.transition();
      if (t != null && t.matches(move.transition().direction(), move.transition().peer(),
          move.transition().label(), move.transition().arity())) {
        return;
      }
    }
    into.add(move);
  }

  private void enter(int id) {
    at = id;
    loop = -1;
    if (table.kind[id] == StepTable.PAR) {
      int[] starts = table.branches[id];
      branches = new FsmCursor[starts.length];
      for (int i = 0; i < branches.length; i++) {
        branches[i] = new FsmCursor(fsm, starts[i]);
      }
      joinIfDone();
    } else {
      branches = null;
    }
  }

  State state() {
    return fsm.state(at);
  }

  boolean isTerminal() {
    return table.terminal[at];
  }

  /** One message; {@code values} null checks the arity only, else also the payload types. */
  boolean step(Direction direction, String peer, String label, int arity, List<?> values) {
    if (loop >= 0 && table.takes(loop, direction, peer, label, arity, values)) {
      return true; // the loop taken last, from where the cursor still is: nothing changes
    }
    switch (table.kind[at]) {
      case StepTable.MESSAGES: {
        int i = table.transition(at, direction, peer, label, arity, values);
        if (i < 0) {
          return false;
        }
        int target = table.target(i);
        if (target == at) { // a loop's message back to its head leaves the cursor as it is
          loop = table.firstOfSignature[i] ? i : -1;
        } else {
          enter(target);
        }
        return true;
      }
      case StepTable.PAR: {
        boolean firstToMatch = true; // no branch tried so far had a transition of this message's signature
        for (FsmCursor branch : branches) {
          if (table.kind[branch.at] == StepTable.MESSAGES) {
            int i = table.transition(branch.at, direction, peer, label, arity, values);
            if (i < 0) {
              firstToMatch &= i == StepTable.NO_SIGNATURE;
              continue;
            }
            int target = table.target(i);
            if (target == branch.at) { // a loop's message back to its head changes nothing: no completion to compare
              loop = firstToMatch && table.firstOfSignature[i] ? i : -1;
              return true;
            }
            loop = -1;
            Completion before = table.own[branch.at];
            branch.enter(target);
            if (branch.completion() != before) {
              joinIfDone();
            }
            return true;
          }
          firstToMatch = false; // a nested par or an initiation: what it might take is not known here
          Completion before = branch.completion();
          if (branch.step(direction, peer, label, arity, values)) {
            loop = -1;
            if (branch.completion() != before) {
              joinIfDone(); // the others are as they were: only this branch can make the par joinable
            }
            return true;
          }
        }
        return stepAfterJoin(direction, peer, label, arity, values);
      }
      default:
        return false;
    }
  }

  /** Lazy join: the branches may join and the state after the par takes the message. */
  private boolean stepAfterJoin(Direction direction, String peer, String label, int arity,
      List<?> values) {
    if (branchCompletion() != Completion.DONE) {
      return false;
    }
    FsmCursor after = new FsmCursor(fsm, table.join[at]);
    if (!after.step(direction, peer, label, arity, values)) {
      return false;
    }
    at = after.at;
    branches = after.branches;
    loop = after.loop;
    return true;
  }

  /** Eager join when the par is the last thing its FSM does: nothing could need the wait. */
  private void joinIfDone() {
    if (table.joinsAtEnd[at] && branchCompletion() == Completion.DONE) {
      enter(table.join[at]);
    }
  }

  private Completion branchCompletion() {
    Completion acc = Completion.IDLE;
    for (FsmCursor branch : branches) {
      acc = LocalFsm.combine(acc, branch.completion());
    }
    return acc;
  }

  Completion completion() {
    if (table.kind[at] != StepTable.PAR) {
      return table.own[at];
    }
    Completion branchesDone = branchCompletion();
    return branchesDone == Completion.DONE ? fsm.completionOnEntry(table.join[at]) : branchesDone;
  }

  boolean resume(String outcome) {
    State state = state();
    if (state.kind() == State.Kind.INITIATES) {
      Integer exit = state.exits().get(outcome);
      if (exit == null) {
        return false;
      }
      enter(exit);
      return true;
    }
    if (state.kind() == State.Kind.PAR) {
      for (FsmCursor branch : branches) {
        if (branch.resume(outcome)) {
          loop = -1;
          joinIfDone();
          return true;
        }
      }
    }
    return false;
  }

  Optional<Initiation> pendingInitiation() {
    State state = state();
    if (state.kind() == State.Kind.PAR) {
      for (FsmCursor branch : branches) {
        Optional<Initiation> pending = branch.pendingInitiation();
        if (pending.isPresent()) {
          return pending;
        }
      }
    }
    return state.initiation();
  }

  void collectPeers(Set<String> into) {
    State state = state();
    if (state.kind() == State.Kind.PAR) {
      for (FsmCursor branch : branches) {
        branch.collectPeers(into);
      }
      into.addAll(fsm.peersFrom(state.join()));
    } else {
      into.addAll(fsm.peersFrom(state.id()));
    }
  }

  Set<String> peers() {
    if (table.kind[at] != StepTable.PAR) {
      return fsm.peersFrom(at);
    }
    Set<String> peers = new LinkedHashSet<>();
    collectPeers(peers);
    return Set.copyOf(peers);
  }

  void collectExpected(List<String> into) {
    State state = state();
    switch (state.kind()) {
      case MESSAGES -> state.transitions().forEach(t -> into.add(t.toString()));
      case INITIATES -> into.add("initiates " + state.initiation().orElseThrow().protocol()
          + ", then resume(" + String.join("|", state.exits().keySet().stream().sorted()
          .toList()) + ")");
      case PAR -> {
        for (FsmCursor branch : branches) {
          branch.collectExpected(into);
        }
        if (branchCompletion() == Completion.DONE) {
          new FsmCursor(fsm, state.join()).collectExpected(into);
        }
      }
    }
  }

  List<String> expected() {
    List<String> expected = new ArrayList<>();
    collectExpected(expected);
    return List.copyOf(expected);
  }

  String describe() {
    State state = state();
    if (state.kind() != State.Kind.PAR) {
      return state.name();
    }
    StringBuilder text = new StringBuilder(state.name()).append("[par: ");
    for (int i = 0; i < branches.length; i++) {
      text.append(i == 0 ? "" : "|").append(branches[i].describe());
    }
    return text.append(']').toString();
  }
}
