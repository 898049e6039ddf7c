package org.sessionchat.scribble.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.sessionchat.scribble.ast.Position;
import org.sessionchat.scribble.fsm.LocalFsm;
import org.sessionchat.scribble.fsm.RoleState;
import org.sessionchat.scribble.fsm.Transition;

/**
 * Checks the composed system of a protocol's role FSMs as scribble-java does
 * ({@code SStateErrors} on every reachable configuration, then liveness on terminal sets):
 * <ul>
 *   <li>stuck message: a role waits for a message from a peer and the one in flight from
 *       that peer is another, while it can do nothing else;</li>
 *   <li>orphan message: a message is in flight to a role that has finished (except one
 *       sent by an exitless loop in a {@code par} branch, which the session may cut off by
 *       design, see docs/protocol.md);</li>
 *   <li>deadlock: nobody can move, and roles wait for each other in a cycle;</li>
 *   <li>unfinished role: nobody can move and a role that may not end here waits for a
 *       role that has finished;</li>
 *   <li>progress: in a set of configurations the system can never leave, a role that is
 *       not done never moves, or a message is never received. This is checked twice: with
 *       fair choices, and with unfair ones (a role always takes the branch it took before
 *       at that choice), as scribble-java does without {@code -fair}.</li>
 * </ul>
 * A role "may end" where its monitor is accepting. Each problem is reported once, at the
 * message statement it concerns.
 */
public final class SystemCheck {

  /** More configurations than this and the check reports that it could not finish. */
  static final int LIMIT = 200_000;

  private final List<String> roles;
  private final BiConsumer<Position, String> report;
  private final Set<String> reported = new LinkedHashSet<>();

  private SystemCheck(List<String> roles, BiConsumer<Position, String> report) {
    this.roles = roles;
    this.report = report;
  }

  /**
   * Checks one protocol.
   *
   * @param at where to report a problem that has no message of its own (the protocol name)
   */
  public static void check(String protocol, Position at, List<String> roles,
      List<LocalFsm> fsms, BiConsumer<Position, String> report) {
    SystemCheck check = new SystemCheck(roles, report);
    SystemGraph fair = SystemGraph.explore(roles, fsms, false, LIMIT);
    if (fair.truncated) {
      report.accept(at, "protocol " + protocol + " reaches more than " + LIMIT
          + " configurations; its safety and progress were not checked to the end");
      return;
    }
    for (int id = 0; id < fair.configs.size(); id++) {
      check.safety(fair, id);
    }
    if (!check.reported.isEmpty()) {
      return;
    }
    check.progress(fair, "");
    if (!check.reported.isEmpty()) {
      return;
    }
    SystemGraph unfair = SystemGraph.explore(roles, fsms, true, LIMIT);
    if (!unfair.truncated) {
      check.progress(unfair, " if every choice keeps taking the branch it took before"
          + " (no fairness assumed, as scribble-java without -fair)");
    }
  }

  private void safety(SystemGraph graph, int id) {
    Config c = graph.configs.get(id);
    boolean anyMove = !graph.edges.get(id).isEmpty();
    for (int r = 0; r < c.size(); r++) {
      RoleState role = c.roles()[r];
      boolean blocked = graph.fireable(c, r).isEmpty();
      for (int p = 0; p < c.size(); p++) {
        RoleState.Move inFlight = c.queue(p, r);
        if (inFlight == null) {
          continue;
        }
        if (role.isTerminal()) {
          if (!c.roles()[p].isStreaming(inFlight.source())) {
            problem(inFlight.transition().position(), "message " + describe(inFlight, p, r)
                + " may never be received: " + roles.get(r) + " can finish before it"
                + " arrives (orphan message)");
          }
        } else if (blocked && waitsFrom(role, roles.get(p))) {
          problem(inFlight.transition().position(), "message " + describe(inFlight, p, r)
              + " can arrive when " + roles.get(r) + " expects only "
              + expectedFrom(role, roles.get(p)) + " from " + roles.get(p) + "; "
              + roles.get(r) + " would be stuck (stuck message)");
        }
      }
    }
    if (!anyMove) {
      deadEnd(c);
    }
  }

  /** Nobody can move: every role must be allowed to end here. */
  private void deadEnd(Config c) {
    for (int r = 0; r < c.size(); r++) {
      RoleState role = c.roles()[r];
      if (role.mayEnd()) {
        continue;
      }
      Transition waiting = firstTransition(role);
      Position at = waiting == null ? new Position(0, 0) : waiting.position();
      Set<Integer> cycle = waitCycle(c, r);
      if (!cycle.isEmpty()) {
        if (!reported.add("cycle " + new java.util.TreeSet<>(cycle))) {
          continue;
        }
        problem(at, "deadlock: " + String.join(", ", cycle.stream().map(i -> roles.get(i)
            + " waits for " + waitsFor(c, i).stream().map(roles::get).toList()).toList())
            + " (wait-for cycle)");
      } else if (waitsFor(c, r).stream().anyMatch(p -> !c.roles()[p].mayEnd())) {
        problem(at, "deadlock: " + roles.get(r) + " waits for " + waitsFor(c, r).stream()
            .map(roles::get).toList() + ", which cannot move either (wait-for cycle)");
      } else {
        List<String> on = waitsFor(c, r).stream().map(roles::get).toList();
        problem(at, "role " + roles.get(r) + " can be left waiting"
            + (waiting == null ? "" : " at " + waiting.signature()) + " after "
            + (on.isEmpty() ? "the others" : String.join(", ", on)) + " finished"
            + " (unfinished role)");
      }
    }
  }

  private void progress(SystemGraph graph, String why) {
    for (Set<Integer> set : Sccs.terminal(graph)) {
      boolean cycle = set.size() > 1 || graph.edges.get(set.iterator().next()).stream()
          .anyMatch(e -> set.contains(e.target()));
      if (!cycle) {
        continue;
      }
      Set<Integer> acting = new LinkedHashSet<>();
      Map<String, RoleState.Move> received = new LinkedHashMap<>();
      for (int id : set) {
        for (SystemGraph.Edge e : graph.edges.get(id)) {
          if (set.contains(e.target())) {
            acting.add(e.role());
            if (e.move().isReceive()) {
              received.put(e.move().transition().peer() + ">" + roles.get(e.role()) + ":"
                  + e.move().transition().label(), e.move());
            }
          }
        }
      }
      for (int r = 0; r < roles.size(); r++) {
        if (acting.contains(r)) {
          continue;
        }
        for (int id : set) {
          RoleState role = graph.configs.get(id).roles()[r];
          if (!role.mayEnd()) {
            Transition waiting = firstTransition(role);
            problem(waiting == null ? new Position(0, 0) : waiting.position(), "role "
                + roles.get(r) + " can wait forever" + (waiting == null ? ""
                : " at " + waiting.signature()) + " while the others go on" + why
                + " (role progress)");
            break;
          }
        }
      }
      for (int id : set) {
        Config c = graph.configs.get(id);
        for (int p = 0; p < c.size(); p++) {
          for (int r = 0; r < c.size(); r++) {
            RoleState.Move m = c.queue(p, r);
            if (m != null && !received.containsKey(roles.get(p) + ">" + roles.get(r) + ":"
                + m.transition().label()) && !c.roles()[p].isStreaming(m.source())) {
              problem(m.transition().position(), "message " + describe(m, p, r)
                  + " can stay unreceived forever" + why + " (eventual reception)");
            }
          }
        }
      }
    }
  }

  /** The roles of a wait-for cycle through {@code start}, {@code start} first; else empty. */
  private Set<Integer> waitCycle(Config c, int start) {
    Set<Integer> seen = new LinkedHashSet<>(List.of(start));
    List<Integer> work = new ArrayList<>(List.of(start));
    while (!work.isEmpty()) {
      int r = work.remove(0);
      for (int next : waitsFor(c, r)) {
        if (next == start) {
          return seen;
        }
        if (!c.roles()[next].mayEnd() && seen.add(next)) {
          work.add(next);
        }
      }
    }
    return Set.of();
  }

  /** The roles {@code r} waits for: peers it expects a message from or whose queue is full. */
  private Set<Integer> waitsFor(Config c, int r) {
    Set<Integer> peers = new LinkedHashSet<>();
    for (RoleState.Move m : c.roles()[r].moves()) {
      if (m.transition() != null) {
        peers.add(roles.indexOf(m.transition().peer()));
      }
    }
    return peers;
  }

  private static boolean waitsFrom(RoleState role, String peer) {
    return role.moves().stream().anyMatch(m -> m.isReceive()
        && m.transition().peer().equals(peer));
  }

  private static List<String> expectedFrom(RoleState role, String peer) {
    return role.moves().stream().filter(m -> m.isReceive() && m.transition().peer().equals(peer))
        .map(m -> m.transition().label() + "()").toList();
  }

  private static Transition firstTransition(RoleState role) {
    return role.moves().stream().map(RoleState.Move::transition).filter(t -> t != null)
        .findFirst().orElse(null);
  }

  private String describe(RoleState.Move m, int from, int to) {
    return m.transition().label() + "(" + String.join(", ", m.transition().payload()) + ") from "
        + roles.get(from) + " to " + roles.get(to);
  }

  private void problem(Position at, String message) {
    if (reported.add(at + " " + message)) {
      report.accept(at, message);
    }
  }
}
