package org.sessionchat.scribble.fsm;

import java.util.List;

/**
 * A {@link LocalFsm} compiled for {@link Monitor#step}: every state's kind, completion,
 * nested starts and join, and every message transition (direction, peer, label, arity,
 * payload checks, target) in flat arrays indexed by state id and transition number.
 *
 * <p>Why: the monitor steps two FSMs for every delivery, so the step should read a few
 * compact arrays rather than walk records, lists and boxed integers — no allocation, no map
 * lookup, no accessor chain per message. The transitions of state {@code s} are the entries
 * {@code first[s]} up to {@code first[s + 1]}, in the order of {@link State#transitions()}
 * (so a step takes the same transition {@link State#find} would). Built once per
 * (protocol, role), immutable, shared by every monitor of that FSM.
 */
final class StepTable {

  /** {@link #transition}: no transition of the state has the message's direction, peer, label and arity. */
  static final int NO_SIGNATURE = -1;
  /** {@link #transition}: some have, and each refused the payload. */
  static final int PAYLOAD_REFUSED = -2;

  static final byte MESSAGES = 0;
  static final byte PAR = 1;
  static final byte INITIATES = 2;

  final byte[] kind;
  /** Completion of a state on its own (not a par's: {@link Completion#NONE} for those). */
  final Completion[] own;
  final boolean[] terminal;
  final int[][] branches;
  final int[] join;
  /** A par whose join state is terminal: it joins as soon as its branches are done. */
  final boolean[] joinsAtEnd;

  private final int[] first;
  private final Direction[] direction;
  private final String[] peer;
  private final String[] label;
  private final int[] arity;
  private final PayloadType[][] checks;
  /** True if no payload value of the transition is checked (only its arity is). */
  private final boolean[] unchecked;
  /**
   * True if the transition carries one value, a string: the chat's lines, checked twice per
   * delivery, are tested with one {@code instanceof} and no loop over the checks.
   */
  private final boolean[] oneString;
  private final int[] target;
  /**
   * True if no transition before this one in its state has its direction, peer, label and
   * arity: a message that this one accepts is then taken by this one in the state, whatever
   * its payload, so a step may take it again without searching (see {@link FsmCursor}).
   */
  final boolean[] firstOfSignature;

  StepTable(List<State> states) {
    int n = states.size();
    kind = new byte[n];
    own = new Completion[n];
    terminal = new boolean[n];
    branches = new int[n][];
    join = new int[n];
    joinsAtEnd = new boolean[n];
    first = new int[n + 1];
    int transitions = 0;
    for (State state : states) {
      transitions += state.transitions().size();
    }
    direction = new Direction[transitions];
    peer = new String[transitions];
    label = new String[transitions];
    arity = new int[transitions];
    checks = new PayloadType[transitions][];
    unchecked = new boolean[transitions];
    oneString = new boolean[transitions];
    target = new int[transitions];
    firstOfSignature = new boolean[transitions];
    int next = 0;
    for (State state : states) {
      int s = state.id();
      kind[s] = switch (state.kind()) {
        case MESSAGES -> MESSAGES;
        case PAR -> PAR;
        case INITIATES -> INITIATES;
      };
      own[s] = Completion.of(state);
      terminal[s] = state.isTerminal();
      branches[s] = state.branches().stream().mapToInt(Integer::intValue).toArray();
      join[s] = state.join();
      first[s] = next;
      for (Transition t : state.transitions()) {
        direction[next] = t.direction();
        peer[next] = t.peer().intern(); // a label written as a literal in code is then the same String
        label[next] = t.label().intern();
        arity[next] = t.arity();
        checks[next] = t.checks().toArray(new PayloadType[0]);
        unchecked[next] = t.checks().stream().allMatch(c -> c.kind() == PayloadType.Kind.ANY);
        oneString[next] = t.arity() == 1 && t.checks().size() == 1
            && t.checks().get(0).kind() == PayloadType.Kind.STRING;
        target[next] = t.target();
        firstOfSignature[next] = state.transitions().stream()
            .takeWhile(before -> before != t)
            .noneMatch(before -> before.matches(t.direction(), t.peer(), t.label(), t.arity()));
        next++;
      }
      first[s + 1] = next;
    }
    for (State state : states) {
      int s = state.id();
      joinsAtEnd[s] = kind[s] == PAR && terminal[join[s]];
    }
  }

  /**
   * The transition of message state {@code s} that takes this message, the first in order;
   * else {@link #PAYLOAD_REFUSED} or {@link #NO_SIGNATURE}.
   *
   * @param values the payload values to check, or null to check the arity only
   */
  int transition(int s, Direction d, String p, String l, int a, List<?> values) {
    int none = NO_SIGNATURE;
    for (int i = first[s], end = first[s + 1]; i < end; i++) {
      if (hasSignature(i, d, p, l, a)) {
        if (acceptsPayload(i, values)) {
          return i;
        }
        none = PAYLOAD_REFUSED;
      }
    }
    return none;
  }

  /** True if transition {@code i} takes this message (its state aside). */
  boolean takes(int i, Direction d, String p, String l, int a, List<?> values) {
    return hasSignature(i, d, p, l, a) && acceptsPayload(i, values);
  }

  /** True if transition {@code i} has this direction, peer, label and arity. */
  private boolean hasSignature(int i, Direction d, String p, String l, int a) {
    return direction[i] == d && arity[i] == a && label[i].equals(l) && peer[i].equals(p);
  }

  int target(int i) {
    return target[i];
  }

  private boolean acceptsPayload(int i, List<?> values) {
    return values == null || unchecked[i] || (oneString[i] ? values.get(0) instanceof String : accepts(checks[i], values));
  }

  private static boolean accepts(PayloadType[] types, List<?> values) {
    for (int i = 0; i < types.length; i++) {
      if (!types[i].accepts(values.get(i))) {
        return false;
      }
    }
    return true;
  }
}
