package org.sessionchat.scribble.fsm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.sessionchat.scribble.ast.Choice;
import org.sessionchat.scribble.ast.Continue;
import org.sessionchat.scribble.ast.Handler;
import org.sessionchat.scribble.ast.Initiates;
import org.sessionchat.scribble.ast.Interaction;
import org.sessionchat.scribble.ast.Interactions;
import org.sessionchat.scribble.ast.Name;
import org.sessionchat.scribble.ast.Par;
import org.sessionchat.scribble.ast.Position;
import org.sessionchat.scribble.ast.Protocol;
import org.sessionchat.scribble.ast.ProtocolProblem;
import org.sessionchat.scribble.ast.Rec;
import org.sessionchat.scribble.ast.Receive;
import org.sessionchat.scribble.ast.RoleArg;
import org.sessionchat.scribble.ast.Send;

/**
 * Turns a local protocol into its {@link LocalFsm}.
 *
 * <p>The body is built back to front, each statement given the state that follows it.
 * Loop heads and choices first become silent (epsilon) nodes; those are then merged away so
 * that every state of the result is entered by a real message, a join, or an initiation
 * exit. A {@code par} becomes one state holding a nested FSM per branch (Hu et al.), an
 * {@code initiates} a state with one exit for success and one per handler.
 */
public final class FsmBuilder {

  /** A state under construction. */
  private static final class Node {
    final State.Kind kind;
    final Position position;
    final List<Transition> transitions = new ArrayList<>();
    final List<Integer> silent = new ArrayList<>();
    final List<Integer> branches = new ArrayList<>();
    final Map<String, Integer> exits = new LinkedHashMap<>();
    boolean endsHere;
    boolean idleHead;
    int join = -1;
    Initiation initiation;

    Node(State.Kind kind, Position position) {
      this.kind = kind;
      this.position = position;
    }

    boolean isForwarder() {
      return kind == State.Kind.MESSAGES && transitions.isEmpty() && !endsHere && !idleHead
          && silent.size() == 1;
    }
  }

  private final Protocol local;
  private final Function<String, List<String>> rolesOf;
  private final Function<String, PayloadType> types;
  private final List<Node> nodes = new ArrayList<>();
  private final List<Integer> idleHeads = new ArrayList<>();

  private FsmBuilder(Protocol local, Function<String, List<String>> rolesOf,
      Function<String, PayloadType> types) {
    this.local = local;
    this.rolesOf = rolesOf;
    this.types = types;
  }

  /**
   * Builds the FSM of a local protocol.
   *
   * @param rolesOf the declared roles of a protocol an {@code initiates} names, in order
   */
  public static LocalFsm build(Protocol local, Function<String, List<String>> rolesOf)
      throws ProtocolProblem {
    return build(local, rolesOf, PayloadType::unchecked);
  }

  /**
   * Builds the FSM of a local protocol whose transitions check payload types.
   *
   * @param rolesOf the declared roles of a protocol an {@code initiates} names, in order
   * @param types   the run-time check of a payload type name as the protocol writes it
   */
  public static LocalFsm build(Protocol local, Function<String, List<String>> rolesOf,
      Function<String, PayloadType> types) throws ProtocolProblem {
    if (!local.isLocal()) {
      throw new IllegalArgumentException("not a local protocol: " + local.name());
    }
    return new FsmBuilder(local, rolesOf, types).build();
  }

  private LocalFsm build() throws ProtocolProblem {
    int end = node(State.Kind.MESSAGES, local.name().position());
    nodes.get(end).endsHere = true;
    int initial = block(local.body(), end, Map.of());
    for (int head : idleHeads) {
      Node entry = nodes.get(resolve(head));
      if (entry.kind == State.Kind.MESSAGES) {
        entry.idleHead = true;
      }
    }
    return new Freezer().freeze(resolve(initial));
  }

  private int node(State.Kind kind, Position position) {
    nodes.add(new Node(kind, position));
    return nodes.size() - 1;
  }

  private int block(List<Interaction> block, int next, Map<String, Integer> loops) {
    int entry = next;
    for (int i = block.size() - 1; i >= 0; i--) {
      entry = interaction(block.get(i), entry, loops);
    }
    return entry;
  }

  private int interaction(Interaction interaction, int next, Map<String, Integer> loops) {
    if (interaction instanceof Send s) {
      return message(Direction.SEND, s.to(), s.label(), s.payload(), next);
    }
    if (interaction instanceof Receive r) {
      return message(Direction.RECEIVE, r.from(), r.label(), r.payload(), next);
    }
    if (interaction instanceof Choice c) {
      int choice = node(State.Kind.MESSAGES, c.position());
      for (List<Interaction> branch : c.branches()) {
        nodes.get(choice).silent.add(block(branch, next, loops));
      }
      return choice;
    }
    if (interaction instanceof Rec r) {
      int head = node(State.Kind.MESSAGES, r.position());
      Map<String, Integer> inner = new HashMap<>(loops);
      inner.put(r.label().value(), head);
      nodes.get(head).silent.add(block(r.body(), next, inner));
      if (Interactions.isExitless(r)) {
        idleHeads.add(head);
      }
      return head;
    }
    if (interaction instanceof Continue c) {
      Integer head = loops.get(c.label().value());
      if (head == null) {
        throw new IllegalArgumentException("unbound continue " + c.label() + " at "
            + c.position() + "; validate before building");
      }
      return head;
    }
    if (interaction instanceof Par p) {
      return par(p, next);
    }
    if (interaction instanceof Initiates i) {
      return initiates(i, next, loops);
    }
    throw new IllegalArgumentException("not a local statement: " + interaction);
  }

  private int message(Direction direction, Name peer, Name label, List<Name> payload,
      int next) {
    int state = node(State.Kind.MESSAGES, label.position());
    nodes.get(state).transitions.add(new Transition(direction, peer.value(), label.value(),
        payload.stream().map(Name::value).toList(), next, label.position(),
        payload.stream().map(type -> types.apply(type.value())).toList()));
    return state;
  }

  private int par(Par p, int next) {
    int par = node(State.Kind.PAR, p.position());
    for (List<Interaction> branch : p.branches()) {
      int branchEnd = node(State.Kind.MESSAGES, p.position());
      nodes.get(branchEnd).endsHere = true;
      int start = block(branch, branchEnd, Map.of());
      nodes.get(par).branches.add(start);
    }
    nodes.get(par).join = next;
    return par;
  }

  private int initiates(Initiates i, int next, Map<String, Integer> loops) {
    int state = node(State.Kind.INITIATES, i.position());
    List<String> subRoles = rolesOf.apply(i.protocol().value());
    List<String> internal = new ArrayList<>();
    List<String> external = new ArrayList<>();
    for (int k = 0; k < i.args().size(); k++) {
      RoleArg arg = i.args().get(k);
      String subRole = k < subRoles.size() ? subRoles.get(k) : arg.role().value();
      (arg.fresh() ? external : internal).add(subRole);
    }
    Node node = nodes.get(state);
    node.initiation = new Initiation(i.protocol().value(), i.initiator().value(), internal,
        external, i.handlers().stream().map(h -> h.failure().value())
        .collect(Collectors.toSet()));
    node.exits.put(Initiation.SUCCESS, block(i.success(), next, loops));
    for (Handler handler : i.handlers()) {
      node.exits.put(handler.failure().value(), block(handler.body(), next, loops));
    }
    return state;
  }

  /** Follows silent forwarding nodes (loop heads) to the node that does something. */
  private int resolve(int id) {
    int current = id;
    for (int hops = 0; nodes.get(current).isForwarder(); hops++) {
      if (hops > nodes.size()) {
        return current;
      }
      current = nodes.get(current).silent.get(0);
    }
    return current;
  }

  /** Merges silent nodes, numbers reachable states depth-first and makes them immutable. */
  private final class Freezer {
    private final Map<Integer, Integer> ids = new LinkedHashMap<>();
    private final Map<Integer, Region> regions = new HashMap<>();
    private final Map<Integer, Node> merged = new HashMap<>();

    LocalFsm freeze(int initial) throws ProtocolProblem {
      number(initial, Region.TOP);
      List<State> states = new ArrayList<>();
      for (Map.Entry<Integer, Integer> entry : ids.entrySet()) {
        states.add(toState(entry.getKey(), entry.getValue()));
      }
      return new LocalFsm(local.name().value(), local.self().orElseThrow(), states, 0);
    }

    private void number(int raw, Region region) throws ProtocolProblem {
      if (ids.containsKey(raw)) {
        return;
      }
      Node node = mergedNode(raw);
      ids.put(raw, ids.size());
      regions.put(raw, region);
      for (Transition t : node.transitions) {
        number(resolve(t.target()), region);
      }
      for (int exit : node.exits.values()) {
        number(resolve(exit), region);
      }
      for (int b = 0; b < node.branches.size(); b++) {
        number(resolve(node.branches.get(b)), new Region(ids.get(raw), b));
      }
      if (node.kind == State.Kind.PAR) {
        number(resolve(node.join), region);
      }
    }

    /** The node with its silent successors folded in: their transitions and end marks. */
    private Node mergedNode(int raw) throws ProtocolProblem {
      Node cached = merged.get(raw);
      if (cached != null) {
        return cached;
      }
      Node original = nodes.get(raw);
      if (original.kind != State.Kind.MESSAGES) {
        merged.put(raw, original);
        return original;
      }
      Node result = new Node(State.Kind.MESSAGES, original.position);
      Set<Integer> seen = new LinkedHashSet<>();
      List<Integer> work = new ArrayList<>(List.of(raw));
      while (!work.isEmpty()) {
        int id = resolve(work.remove(0));
        if (!seen.add(id)) {
          continue;
        }
        Node n = nodes.get(id);
        if (n.kind != State.Kind.MESSAGES) {
          throw new ProtocolProblem(original.position, "a branch of this choice"
              + " starts, for role " + local.self().orElseThrow() + ", with a "
              + (n.kind == State.Kind.PAR ? "par" : "initiates")
              + " instead of a message; the monitor needs a message to tell branches apart");
        }
        for (Transition t : n.transitions) {
          add(result, t);
        }
        result.endsHere |= n.endsHere;
        result.idleHead |= n.idleHead;
        work.addAll(n.silent);
      }
      merged.put(raw, result);
      return result;
    }

    /**
     * Adds a transition to a merged state; two transitions on the same message to different
     * places mean the role cannot know which branch of a choice it is in.
     */
    private void add(Node merged, Transition t) throws ProtocolProblem {
      for (Transition other : merged.transitions) {
        if (other.matches(t.direction(), t.peer(), t.label(), t.arity())) {
          if (equivalent(other.target(), t.target(), new HashSet<>())) {
            return;
          }
          String self = local.self().orElseThrow();
          throw new ProtocolProblem(merged.position, t.direction() == Direction.SEND
              ? "role " + self + " goes on with " + t.signature() + " in more than one"
                  + " branch of this choice, and the branches then differ; " + t.peer()
                  + " could not tell which one " + self + " took"
              : "role " + self + " cannot tell which branch of this choice was taken: more"
                  + " than one goes on with " + t.signature());
        }
      }
      merged.transitions.add(t);
    }

    /**
     * Whether two nodes behave alike (bisimilar, assuming pairs already being compared
     * are): then a role that cannot tell which of them it is in loses nothing, as when a
     * role is not told the branch of a choice but does the same in each (merge).
     */
    private boolean equivalent(int first, int second, Set<Long> assumed) {
      int a = resolve(first);
      int b = resolve(second);
      if (a == b || !assumed.add(((long) Math.min(a, b) << 32) | Math.max(a, b))) {
        return true;
      }
      Node x = nodes.get(a);
      Node y = nodes.get(b);
      if (x.kind != y.kind) {
        return false;
      }
      switch (x.kind) {
        case PAR: {
          if (x.branches.size() != y.branches.size() || !equivalent(x.join, y.join, assumed)) {
            return false;
          }
          for (int i = 0; i < x.branches.size(); i++) {
            if (!equivalent(x.branches.get(i), y.branches.get(i), assumed)) {
              return false;
            }
          }
          return true;
        }
        case INITIATES: {
          if (!x.initiation.equals(y.initiation) || !x.exits.keySet().equals(y.exits.keySet())) {
            return false;
          }
          for (String outcome : x.exits.keySet()) {
            if (!equivalent(x.exits.get(outcome), y.exits.get(outcome), assumed)) {
              return false;
            }
          }
          return true;
        }
        default: {
          Closure cx = closure(a);
          Closure cy = closure(b);
          if (cx == null || cy == null || cx.endsHere != cy.endsHere
              || cx.idleHead != cy.idleHead || !cx.targets.keySet().equals(cy.targets.keySet())) {
            return false;
          }
          for (Map.Entry<String, List<Integer>> entry : cx.targets.entrySet()) {
            int one = entry.getValue().get(0);
            for (int other : entry.getValue()) {
              if (!equivalent(one, other, assumed)) {
                return false;
              }
            }
            for (int other : cy.targets.get(entry.getKey())) {
              if (!equivalent(one, other, assumed)) {
                return false;
              }
            }
          }
          return true;
        }
      }
    }

    /** What a node does once its silent successors are folded in; null if one is a par or initiates. */
    private record Closure(Map<String, List<Integer>> targets, boolean endsHere,
        boolean idleHead) {}

    private Closure closure(int raw) {
      Map<String, List<Integer>> targets = new HashMap<>();
      boolean endsHere = false;
      boolean idleHead = false;
      Set<Integer> seen = new HashSet<>();
      List<Integer> work = new ArrayList<>(List.of(raw));
      while (!work.isEmpty()) {
        int id = resolve(work.remove(work.size() - 1));
        if (!seen.add(id)) {
          continue;
        }
        Node n = nodes.get(id);
        if (n.kind != State.Kind.MESSAGES) {
          return null;
        }
        for (Transition t : n.transitions) {
          targets.computeIfAbsent(t.direction() + " " + t.peer() + " " + t.label() + "/"
              + t.arity(), k -> new ArrayList<>()).add(t.target());
        }
        endsHere |= n.endsHere;
        idleHead |= n.idleHead;
        work.addAll(n.silent);
      }
      return new Closure(targets, endsHere, idleHead);
    }

    private State toState(int raw, int id) {
      Node node = merged.get(raw);
      Map<String, Integer> exits = new LinkedHashMap<>();
      node.exits.forEach((outcome, exit) -> exits.put(outcome, idOf(exit)));
      return new State(id, node.kind, regions.get(raw),
          node.transitions.stream().map(t -> t.withTarget(idOf(t.target()))).toList(),
          node.endsHere, node.idleHead,
          node.branches.stream().map(this::idOf).toList(),
          node.kind == State.Kind.PAR ? idOf(node.join) : -1,
          Optional.ofNullable(node.initiation), exits);
    }

    private int idOf(int raw) {
      return ids.get(resolve(raw));
    }
  }
}
