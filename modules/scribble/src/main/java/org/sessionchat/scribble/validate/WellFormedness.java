package org.sessionchat.scribble.validate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.sessionchat.scribble.ast.Choice;
import org.sessionchat.scribble.ast.Continue;
import org.sessionchat.scribble.ast.Initiates;
import org.sessionchat.scribble.ast.Interaction;
import org.sessionchat.scribble.ast.Interactions;
import org.sessionchat.scribble.ast.Message;
import org.sessionchat.scribble.ast.Par;
import org.sessionchat.scribble.ast.Position;
import org.sessionchat.scribble.ast.Protocol;
import org.sessionchat.scribble.ast.Rec;

/**
 * The well-formedness checks scribble-java makes on an inlined global protocol (no
 * {@code do} left), before projection:
 * <ul>
 *   <li>every declared role takes part (its "unused role decl");</li>
 *   <li>reachability: nothing follows a statement that never completes ({@code continue},
 *       an exitless {@code rec}, a choice whose every branch continues);</li>
 *   <li>choice: each branch starts with a message from the choice's role, looking through
 *       {@code continue}, {@code rec} and nested choices (its {@code Subject not enabled});
 *       a role sends inside a choice only after it learnt the branch ({@code Source role
 *       not enabled}); each role learns the branch from the same role in every branch
 *       ({@code Inconsistent external choice subjects}).</li>
 * </ul>
 * A {@code continue} that would leave a {@code par} branch (possible through a recursive
 * {@code do}) is refused too: a par branch is an FSM of its own.
 */
public final class WellFormedness {

  private final Protocol protocol;
  private final BiConsumer<Position, String> report;

  private WellFormedness(Protocol protocol, BiConsumer<Position, String> report) {
    this.protocol = protocol;
    this.report = report;
  }

  /** Checks one inlined global protocol, reporting each problem at its position. */
  public static void check(Protocol inlined, BiConsumer<Position, String> report) {
    WellFormedness check = new WellFormedness(inlined, report);
    check.usedRoles();
    check.reachability(inlined.body());
    check.parScopes(inlined.body(), Set.of());
    check.walk(inlined.body(), null, Map.of());
    check.enabling(inlined.body(), new HashSet<>(inlined.roleNames()), new HashMap<>());
  }

  // ---- roles ------------------------------------------------------------------------

  private void usedRoles() {
    Set<String> used = new HashSet<>();
    collectRoles(protocol.body(), used);
    for (var role : protocol.roles()) {
      if (!used.contains(role.value())) {
        report.accept(role.name().position(), "role " + role.value()
            + " is declared but takes no part in protocol " + protocol.name());
      }
    }
  }

  private static void collectRoles(List<Interaction> block, Set<String> into) {
    for (Interaction interaction : block) {
      if (interaction instanceof Message m) {
        into.add(m.from().value());
        into.add(m.to().value());
      } else if (interaction instanceof Choice c) {
        into.add(c.at().value());
      } else if (interaction instanceof Initiates i) {
        into.add(i.initiator().value());
      }
      Interactions.children(interaction).forEach(child -> collectRoles(child, into));
    }
  }

  // ---- reachability -----------------------------------------------------------------

  private void reachability(List<Interaction> block) {
    for (int i = 0; i < block.size(); i++) {
      Interaction interaction = block.get(i);
      Interactions.children(interaction).forEach(this::reachability);
      if (i + 1 < block.size() && !Interactions.canComplete(List.of(interaction))) {
        report.accept(block.get(i + 1).position(), "this statement can never be reached: the "
            + describe(interaction) + " at " + interaction.position() + " never completes");
        return;
      }
    }
  }

  private static String describe(Interaction interaction) {
    if (interaction instanceof Continue c) {
      return c.label().value().startsWith("__") ? "recursive do" : "continue " + c.label();
    }
    if (interaction instanceof Rec r) {
      return r.label().value().startsWith("__") ? "recursive do" : "rec " + r.label();
    }
    if (interaction instanceof Choice c) {
      return "choice at " + c.at();
    }
    return interaction instanceof Par ? "par" : "statement";
  }

  // ---- continue inside par ----------------------------------------------------------

  private void parScopes(List<Interaction> block, Set<String> bound) {
    for (Interaction interaction : block) {
      if (interaction instanceof Continue c && !bound.contains(c.label().value())) {
        report.accept(c.position(), "continue " + c.label() + " leaves a par branch (through"
            + " a recursive do); a par branch cannot continue a rec outside it");
      }
      Set<String> inner = bound;
      if (interaction instanceof Rec r) {
        inner = new HashSet<>(bound);
        inner.add(r.label().value());
      }
      if (interaction instanceof Par p) {
        p.branches().forEach(b -> parScopes(b, Set.of()));
        continue;
      }
      for (List<Interaction> child : Interactions.children(interaction)) {
        parScopes(child, inner);
      }
    }
  }

  // ---- choice subjects: first messages through continue, rec and nested choices -----

  /** What runs after a block completes: the rest of an enclosing block, or nothing. */
  private record Cont(List<Interaction> block, int index, Map<String, Loop> loops, Cont next) {}

  /** A loop in scope: its body and what follows the {@code rec}. */
  private record Loop(Rec rec, Cont after, Map<String, Loop> loops) {}

  /** A first action of a branch: a message, an initiation, or the protocol's end (null). */
  private record First(String from, Message message, Position position) {}

  private void walk(List<Interaction> block, Cont after, Map<String, Loop> loops) {
    for (int i = 0; i < block.size(); i++) {
      Interaction interaction = block.get(i);
      Cont next = new Cont(block, i + 1, loops, after);
      if (interaction instanceof Choice c) {
        choiceSubject(c, next, loops);
        c.branches().forEach(b -> walk(b, next, loops));
      } else if (interaction instanceof Rec r) {
        Map<String, Loop> inner = new HashMap<>(loops);
        inner.put(r.label().value(), new Loop(r, next, loops));
        walk(r.body(), next, inner);
      } else if (interaction instanceof Par p) {
        p.branches().forEach(b -> walk(b, null, Map.of()));
      } else {
        Interactions.children(interaction).forEach(b -> walk(b, next, loops));
      }
    }
  }

  private void choiceSubject(Choice c, Cont after, Map<String, Loop> loops) {
    String subject = c.at().value();
    for (List<Interaction> branch : c.branches()) {
      Set<First> first = new LinkedHashSet<>();
      first(branch, 0, loops, after, new HashSet<>(), first);
      Position at = branch.isEmpty() ? c.position() : branch.get(0).position();
      boolean enabled = !first.isEmpty()
          && first.stream().allMatch(f -> subject.equals(f.from()));
      if (!enabled) {
        report.accept(at, "each branch of choice at " + subject + " must start with a message"
            + " from " + subject);
      }
    }
  }

  /**
   * Collects the actions that can come first from statement {@code i} of {@code block} on,
   * following {@code continue} to its loop (each loop once) and running on into what
   * follows a completed block.
   */
  private void first(List<Interaction> block, int i, Map<String, Loop> loops, Cont after,
      Set<String> visited, Set<First> into) {
    if (i >= block.size()) {
      if (after == null) {
        into.add(new First(null, null, protocol.name().position()));
      } else {
        first(after.block(), after.index(), after.loops(), after.next(), visited, into);
      }
      return;
    }
    Interaction interaction = block.get(i);
    Cont next = new Cont(block, i + 1, loops, after);
    if (interaction instanceof Message m) {
      into.add(new First(m.from().value(), m, m.position()));
    } else if (interaction instanceof Initiates in) {
      into.add(new First(in.initiator().value(), null, in.position()));
    } else if (interaction instanceof Choice c) {
      for (List<Interaction> branch : c.branches()) {
        first(branch, 0, loops, next, visited, into);
      }
    } else if (interaction instanceof Rec r) {
      Map<String, Loop> inner = new HashMap<>(loops);
      inner.put(r.label().value(), new Loop(r, next, loops));
      first(r.body(), 0, inner, next, visited, into);
    } else if (interaction instanceof Continue c) {
      Loop loop = loops.get(c.label().value());
      if (loop != null && visited.add(c.label().value() + "@" + loop.rec().position())) {
        Map<String, Loop> inner = new HashMap<>(loop.loops());
        inner.put(c.label().value(), loop);
        first(loop.rec().body(), 0, inner, loop.after(), visited, into);
      }
    } else if (interaction instanceof Par p) {
      for (List<Interaction> branch : p.branches()) {
        first(branch, 0, Map.of(), next, visited, into);
      }
    }
  }

  // ---- role enabling and external-choice consistency --------------------------------

  /**
   * Walks a block with the roles that know which branch they are in ({@code enabled}) and,
   * inside a choice, who told each role ({@code enablers}); both are updated in place.
   */
  private void enabling(List<Interaction> block, Set<String> enabled,
      Map<String, String> enablers) {
    for (Interaction interaction : block) {
      if (interaction instanceof Message m) {
        String from = m.from().value();
        String to = m.to().value();
        if (!enabled.contains(from)) {
          report.accept(m.from().position(), "role " + from + " sends " + m.label()
              + " before it learns which branch of the enclosing choice was taken");
          enabled.add(from);
        }
        if (enabled.add(to)) {
          enablers.put(to, from);
        }
      } else if (interaction instanceof Choice c) {
        choiceEnabling(c, enabled, enablers);
      } else if (interaction instanceof Initiates i) {
        if (!enabled.contains(i.initiator().value())) {
          report.accept(i.position(), "role " + i.initiator() + " initiates before it learns"
              + " which branch of the enclosing choice was taken");
        }
        for (List<Interaction> child : Interactions.children(i)) {
          enabling(child, new HashSet<>(enabled), new HashMap<>(enablers));
        }
      } else if (interaction instanceof Par p) {
        Set<String> union = new HashSet<>(enabled);
        for (List<Interaction> branch : p.branches()) {
          Set<String> inBranch = new HashSet<>(enabled);
          enabling(branch, inBranch, enablers);
          union.addAll(inBranch);
        }
        enabled.addAll(union);
      } else {
        Interactions.children(interaction).forEach(b -> enabling(b, enabled, enablers));
      }
    }
  }

  private void choiceEnabling(Choice c, Set<String> enabled, Map<String, String> enablers) {
    String subject = c.at().value();
    if (!enabled.contains(subject)) {
      report.accept(c.at().position(), "role " + subject + " chooses before it learns which"
          + " branch of the enclosing choice was taken");
    }
    List<Set<String>> enabledPerBranch = new ArrayList<>();
    Map<String, Map<String, Position>> enablerPerRole = new LinkedHashMap<>();
    for (List<Interaction> branch : c.branches()) {
      Set<String> inBranch = new HashSet<>(Set.of(subject));
      Map<String, String> who = new LinkedHashMap<>();
      enabling(branch, inBranch, who);
      enabledPerBranch.add(inBranch);
      Position at = branch.isEmpty() ? c.position() : branch.get(0).position();
      who.forEach((role, enabler) -> enablerPerRole.computeIfAbsent(role,
          r -> new LinkedHashMap<>()).putIfAbsent(enabler, at));
    }
    enablerPerRole.forEach((role, by) -> {
      if (by.size() > 1) {
        List<String> enablerRoles = new ArrayList<>(by.keySet());
        report.accept(by.get(enablerRoles.get(1)), "role " + role + " learns the branch of"
            + " choice at " + subject + " from " + enablerRoles.get(0) + " in one branch and"
            + " from " + enablerRoles.get(1) + " in another; it must be told by the same role");
      }
    });
    for (String role : enabledPerBranch.get(0)) {
      if (enabledPerBranch.stream().allMatch(b -> b.contains(role)) && enabled.add(role)) {
        enablers.putIfAbsent(role, subject);
      }
    }
  }
}
