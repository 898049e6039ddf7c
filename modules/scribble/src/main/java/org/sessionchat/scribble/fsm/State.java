package org.sessionchat.scribble.fsm;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One state of a local FSM. There are three kinds:
 * <ul>
 *   <li>{@link Kind#MESSAGES}: leaves by one of {@link #transitions()}; {@link #endsHere()}
 *       if the protocol (or nested FSM) may stop here, {@link #idleHead()} if this is the
 *       head of an exitless {@code rec}, which counts as complete once the rest of its
 *       {@code par} is (docs/protocol.md). No transitions and {@code endsHere}: terminal.</li>
 *   <li>{@link Kind#PAR}: runs one nested FSM per branch, starting at {@link #branches()};
 *       joins to {@link #join()} when all are complete.</li>
 *   <li>{@link Kind#INITIATES}: waits for the sub-session {@link #initiation()}; leaves to
 *       {@code exits().get(outcome)} for {@code success} or a handled failure
 *       (in that order).</li>
 * </ul>
 */
public record State(int id, Kind kind, Region region, List<Transition> transitions,
    boolean endsHere, boolean idleHead, List<Integer> branches, int join,
    Optional<Initiation> initiation, Map<String, Integer> exits) {

  /** See the class comment. */
  public enum Kind { MESSAGES, PAR, INITIATES }

  public State {
    transitions = List.copyOf(transitions);
    branches = List.copyOf(branches);
    exits = Collections.unmodifiableMap(new LinkedHashMap<>(exits));
  }

  /** True for a state with nothing left to do. */
  public boolean isTerminal() {
    return kind == Kind.MESSAGES && transitions.isEmpty() && endsHere;
  }

  /**
   * The transition taking this message, or null; allocates nothing.
   *
   * @param values the payload values to check against the types, or null to check the
   *               arity only
   */
  Transition find(Direction direction, String peer, String label, int arity, List<?> values) {
    for (int i = 0, n = transitions.size(); i < n; i++) {
      Transition t = transitions.get(i);
      if (t.matches(direction, peer, label, arity) && (values == null || t.accepts(values))) {
        return t;
      }
    }
    return null;
  }

  /** The name used in dumps and logs, e.g. {@code S4}. */
  public String name() {
    return "S" + id;
  }
}
