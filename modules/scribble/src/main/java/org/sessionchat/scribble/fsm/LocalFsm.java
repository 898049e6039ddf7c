package org.sessionchat.scribble.fsm;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The monitor FSM of one role in one protocol, built once from the local projection and
 * shared by every {@link Monitor} of that (protocol, role). Immutable; states are numbered
 * from 0 and {@code states().get(i).id() == i}. Nested FSMs of a {@code par} live in the
 * same numbering, told apart by {@link State#region()}.
 */
public final class LocalFsm {

  private final String protocol;
  private final String role;
  private final List<State> states;
  private final int initial;
  private final Completion[] freshCompletion;
  private final List<Set<String>> peers;
  private final StepTable table;

  LocalFsm(String protocol, String role, List<State> states, int initial) {
    this.protocol = protocol;
    this.role = role;
    this.states = List.copyOf(states);
    this.initial = initial;
    this.freshCompletion = new Completion[states.size()];
    for (int i = 0; i < states.size(); i++) {
      freshCompletion[i] = completionOnEntry(i, new boolean[states.size()]);
    }
    this.peers = reachablePeers();
    this.table = new StepTable(this.states);
  }

  public String protocol() {
    return protocol;
  }

  public String role() {
    return role;
  }

  public List<State> states() {
    return states;
  }

  public int initial() {
    return initial;
  }

  /** The states of one (nested) FSM, in id order. */
  public List<State> statesIn(Region region) {
    return states.stream().filter(s -> s.region().equals(region)).toList();
  }

  public State state(int id) {
    return states.get(id);
  }

  /** The FSM compiled for the monitor's step. */
  StepTable table() {
    return table;
  }

  /** A fresh monitor at the initial state; cheap, called once per session. */
  public Monitor newMonitor() {
    return new FsmMonitor(this);
  }

  /** How complete the FSM is on entering state {@code id} (nested FSMs at their start). */
  Completion completionOnEntry(int id) {
    return freshCompletion[id];
  }

  /** Roles this role may still exchange a message with from state {@code id}. */
  Set<String> peersFrom(int id) {
    return peers.get(id);
  }

  /**
   * Combines the completions of a par's branches: not complete if any branch is not; idle
   * if every branch idles at an exitless loop head; otherwise the par may join.
   */
  static Completion combine(Completion acc, Completion branch) {
    if (acc == Completion.NONE || branch == Completion.NONE) {
      return Completion.NONE;
    }
    return acc == Completion.DONE || branch == Completion.DONE ? Completion.DONE : Completion.IDLE;
  }

  private Completion completionOnEntry(int id, boolean[] visiting) {
    State state = states.get(id);
    if (state.kind() != State.Kind.PAR) {
      return Completion.of(state);
    }
    if (visiting[id]) {
      return Completion.NONE;
    }
    visiting[id] = true;
    Completion branches = Completion.IDLE;
    for (int branch : state.branches()) {
      branches = combine(branches, completionOnEntry(branch, visiting));
    }
    Completion result = branches == Completion.DONE
        ? completionOnEntry(state.join(), visiting) : branches;
    visiting[id] = false;
    return result;
  }

  private List<Set<String>> reachablePeers() {
    List<Set<String>> sets = new ArrayList<>();
    states.forEach(s -> sets.add(new HashSet<>()));
    boolean changed = true;
    while (changed) {
      changed = false;
      for (State state : states) {
        Set<String> set = sets.get(state.id());
        for (Transition t : state.transitions()) {
          changed |= set.add(t.peer());
          changed |= set.addAll(sets.get(t.target()));
        }
        for (int next : successors(state)) {
          changed |= set.addAll(sets.get(next));
        }
      }
    }
    return sets.stream().map(Set::copyOf).toList();
  }

  /** States entered from {@code state} without a message: exits, nested starts, the join. */
  private static List<Integer> successors(State state) {
    List<Integer> next = new ArrayList<>(state.exits().values());
    next.addAll(state.branches());
    if (state.kind() == State.Kind.PAR) {
      next.add(state.join());
    }
    return next;
  }
}
