package org.sessionchat.scribble.model;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sessionchat.scribble.fsm.Direction;
import org.sessionchat.scribble.fsm.LocalFsm;
import org.sessionchat.scribble.fsm.RoleState;
import org.sessionchat.scribble.fsm.Transition;

/**
 * Every configuration the roles of one protocol can reach together, with the moves between
 * them (scribble-java's {@code SGraph}): a role sends when the queue to its peer is empty,
 * receives the message in flight to it, and leaves an {@code initiates} state by any of its
 * outcomes (the sub-session is another session; its result is not ours to know).
 *
 * <p>With {@code unfairChoices}, a role that chose a branch at a choice state (a state
 * offering only sends, more than one) takes that branch every time it is there again: the
 * runs scribble-java's unfair transformation adds when it is run without {@code -fair}.
 */
final class SystemGraph {

  /** A move of one role from one configuration to another. */
  record Edge(int role, RoleState.Move move, int target) {}

  final List<String> roleNames;
  final List<Config> configs = new ArrayList<>();
  final List<List<Edge>> edges = new ArrayList<>();
  private final Map<String, Integer> ids = new HashMap<>();
  private final boolean unfairChoices;
  private final int limit;
  boolean truncated;

  private SystemGraph(List<String> roleNames, boolean unfairChoices, int limit) {
    this.roleNames = roleNames;
    this.unfairChoices = unfairChoices;
    this.limit = limit;
  }

  @SuppressWarnings("unchecked")
  static SystemGraph explore(List<String> roleNames, List<LocalFsm> fsms, boolean unfairChoices,
      int limit) {
    SystemGraph graph = new SystemGraph(roleNames, unfairChoices, limit);
    int n = fsms.size();
    RoleState[] roles = new RoleState[n];
    Map<Integer, String>[] committed = new Map[n];
    for (int i = 0; i < n; i++) {
      roles[i] = RoleState.initial(fsms.get(i));
      committed[i] = Map.of();
    }
    graph.add(new Config(roles, new RoleState.Move[n * n], committed));
    ArrayDeque<Integer> work = new ArrayDeque<>(List.of(0));
    while (!work.isEmpty()) {
      int id = work.poll();
      for (Edge edge : graph.successors(id, work)) {
        graph.edges.get(id).add(edge);
      }
    }
    return graph;
  }

  private int add(Config config) {
    String key = config.key();
    Integer id = ids.get(key);
    if (id != null) {
      return id;
    }
    configs.add(config);
    edges.add(new ArrayList<>());
    ids.put(key, configs.size() - 1);
    return configs.size() - 1;
  }

  private List<Edge> successors(int id, ArrayDeque<Integer> work) {
    Config c = configs.get(id);
    List<Edge> out = new ArrayList<>();
    for (int r = 0; r < c.size(); r++) {
      RoleState role = c.roles()[r];
      for (RoleState.Move move : fireable(c, r)) {
        Map<Integer, String> commitments = c.committed()[r];
        if (unfairChoices && isChoice(role, move.source())
            && !commitments.containsKey(move.source())) {
          commitments = new HashMap<>(commitments);
          commitments.put(move.source(), move.transition().label());
          commitments = Map.copyOf(commitments);
        }
        Config next;
        if (move.transition() == null) {
          next = c.with(r, role.after(move), -1, null, commitments);
        } else {
          int peer = roleNames.indexOf(move.transition().peer());
          boolean send = move.transition().direction() == Direction.SEND;
          int queue = send ? r * c.size() + peer : peer * c.size() + r;
          next = c.with(r, role.after(move), queue, send ? move : null, commitments);
        }
        int before = configs.size();
        if (before >= limit) {
          truncated = true;
          return out;
        }
        int target = add(next);
        if (target == before) {
          work.add(target);
        }
        out.add(new Edge(r, move, target));
      }
    }
    return out;
  }

  /** The moves role {@code r} can make in {@code c}. */
  List<RoleState.Move> fireable(Config c, int r) {
    RoleState role = c.roles()[r];
    List<RoleState.Move> out = new ArrayList<>();
    String committedLabel = null;
    for (RoleState.Move move : role.moves()) {
      Transition t = move.transition();
      if (t == null) {
        out.add(move);
        continue;
      }
      int peer = roleNames.indexOf(t.peer());
      if (peer < 0) {
        continue;
      }
      if (unfairChoices && t.direction() == Direction.SEND) {
        committedLabel = c.committed()[r].get(move.source());
        if (committedLabel != null && !committedLabel.equals(t.label())) {
          continue;
        }
      }
      if (t.direction() == Direction.SEND ? c.queue(r, peer) == null
          : matches(c.queue(peer, r), t)) {
        out.add(move);
      }
    }
    return out;
  }

  static boolean matches(RoleState.Move inFlight, Transition receive) {
    return inFlight != null && inFlight.transition().label().equals(receive.label())
        && inFlight.transition().arity() == receive.arity();
  }

  /** A choice state: the role's moves from it are all sends, and more than one. */
  private static boolean isChoice(RoleState role, int source) {
    int sends = 0;
    for (RoleState.Move m : role.moves()) {
      if (m.source() == source) {
        if (!m.isSend()) {
          return false;
        }
        sends++;
      }
    }
    return sends > 1;
  }
}
