package org.sessionchat.scribble.project;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sessionchat.scribble.ast.Choice;
import org.sessionchat.scribble.ast.Continue;
import org.sessionchat.scribble.ast.Handler;
import org.sessionchat.scribble.ast.Initiates;
import org.sessionchat.scribble.ast.Interaction;
import org.sessionchat.scribble.ast.Interactions;
import org.sessionchat.scribble.ast.Message;
import org.sessionchat.scribble.ast.Par;
import org.sessionchat.scribble.ast.Protocol;
import org.sessionchat.scribble.ast.ProtocolProblem;
import org.sessionchat.scribble.ast.Rec;
import org.sessionchat.scribble.ast.Receive;
import org.sessionchat.scribble.ast.Send;

/**
 * Projects a validated global protocol onto one role, following Scribble: a message becomes
 * a send or a receive or disappears; a choice, loop or par branch that does not involve the
 * role is dropped; branches of a choice that look the same to the role are merged; an
 * {@code initiates} stays only at its initiator (the only role that learns the
 * sub-session's outcome).
 */
public final class Projector {

  private final String role;

  private Projector(String role) {
    this.role = role;
  }

  /**
   * The local protocol of {@code role}.
   *
   * @throws IllegalArgumentException if the role is not a parameter of the protocol
   * @throws ProtocolProblem if the role cannot follow the protocol (see {@code initiates})
   */
  public static Protocol project(Protocol global, String role) throws ProtocolProblem {
    if (!global.roleNames().contains(role)) {
      throw new IllegalArgumentException("role " + role + " not in protocol "
          + global.name().value());
    }
    try {
      return new Protocol(global.name(), Optional.of(role), global.roles(),
          new Projector(role).block(global.body(), null));
    } catch (ProjectionFailure e) {
      throw e.problem;
    }
  }

  /** Carries a {@link ProtocolProblem} out of the stream lambdas of the walk. */
  private static final class ProjectionFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient ProtocolProblem problem;

    ProjectionFailure(ProtocolProblem problem) {
      super(null, null, false, false);
      this.problem = problem;
    }
  }

  private List<Interaction> block(List<Interaction> global, Interaction after) {
    List<Interaction> local = new ArrayList<>();
    for (int i = 0; i < global.size(); i++) {
      project(global.get(i), i + 1 < global.size() ? global.get(i + 1) : after, local);
    }
    return local;
  }

  /**
   * Projects one statement.
   *
   * @param after the global statement control reaches when this one completes, or null
   */
  private void project(Interaction interaction, Interaction after, List<Interaction> into) {
    if (interaction instanceof Message m) {
      if (m.from().value().equals(role)) {
        into.add(new Send(m.label(), m.payload(), m.to()));
      } else if (m.to().value().equals(role)) {
        into.add(new Receive(m.label(), m.payload(), m.from()));
      }
    } else if (interaction instanceof Choice c) {
      Map<String, List<Interaction>> distinct = new LinkedHashMap<>();
      c.branches().stream().map(b -> block(b, after)).forEach(b -> distinct.putIfAbsent(key(b), b));
      List<List<Interaction>> branches = List.copyOf(distinct.values());
      if (branches.size() == 1 && c.branches().size() > 1) {
        into.addAll(branches.get(0));
      } else if (branches.stream().anyMatch(Projector::involvesSelf)) {
        into.add(new Choice(c.at(), branches, c.position()));
      }
    } else if (interaction instanceof Rec r) {
      List<Interaction> body = block(r.body(), after);
      if (involvesSelf(body)) {
        into.add(new Rec(r.label(), body, r.position()));
      }
    } else if (interaction instanceof Continue c) {
      into.add(c);
    } else if (interaction instanceof Par p) {
      List<List<Interaction>> branches = p.branches().stream().map(b -> block(b, null))
          .filter(Projector::involvesSelf).toList();
      if (branches.size() == 1) {
        into.addAll(branches.get(0));
      } else if (!branches.isEmpty()) {
        into.add(new Par(branches, p.position()));
      }
    } else if (interaction instanceof Initiates i) {
      initiates(i, after, into);
    } else {
      throw new IllegalArgumentException("not a global statement: " + interaction);
    }
  }

  /**
   * At the initiator an {@code initiates} stays. Another role takes no part in its blocks
   * (validated), so it must go on the same way whatever the outcome: the blocks' common
   * projection replaces the statement, or nothing when that is just the {@code continue}
   * the role reaches anyway (as in the report's RoomRegistry projection).
   */
  private void initiates(Initiates i, Interaction after, List<Interaction> into) {
    if (i.initiator().value().equals(role)) {
      into.add(new Initiates(i.initiator(), i.protocol(), i.args(), block(i.success(), after),
          i.handlers().stream().map(h -> new Handler(h.failure(), block(h.body(), after)))
              .toList()));
      return;
    }
    List<List<Interaction>> outcomes = new ArrayList<>();
    outcomes.add(block(i.success(), after));
    i.handlers().forEach(h -> outcomes.add(block(h.body(), after)));
    if (outcomes.stream().map(Projector::key).distinct().count() > 1) {
      throw new ProjectionFailure(new ProtocolProblem(i.position(), "role " + role
          + " goes on differently after the blocks of " + i.initiator() + " initiates "
          + i.protocol() + " but cannot learn their outcome; make every block end alike for "
          + role));
    }
    List<Interaction> common = outcomes.get(0);
    boolean redundant = common.size() == 1 && common.get(0) instanceof Continue c
        && after instanceof Continue next && next.label().value().equals(c.label().value());
    if (!redundant) {
      into.addAll(common);
    }
  }

  /**
   * A projected block as text without positions: equal keys, same behaviour. Used to merge
   * choice branches that look the same to this role and to compare initiates outcomes.
   */
  private static String key(List<Interaction> local) {
    StringBuilder key = new StringBuilder("{");
    for (Interaction interaction : local) {
      key.append(keyOf(interaction)).append(';');
    }
    return key.append('}').toString();
  }

  private static String keyOf(Interaction interaction) {
    if (interaction instanceof Send s) {
      return "!" + s.label() + s.payload() + s.to();
    }
    if (interaction instanceof Receive r) {
      return "?" + r.label() + r.payload() + r.from();
    }
    if (interaction instanceof Continue c) {
      return "continue " + c.label();
    }
    String head = interaction instanceof Choice c ? "choice " + c.at()
        : interaction instanceof Rec r ? "rec " + r.label()
        : interaction instanceof Initiates i ? i.initiator() + " initiates " + i.protocol()
            + i.args() + i.handlers().stream().map(h -> h.failure().value()).toList()
        : "par";
    return head + Interactions.children(interaction).stream().map(Projector::key).toList();
  }

  /** Whether a projected block does anything: sends, receives or initiates. */
  private static boolean involvesSelf(List<Interaction> local) {
    for (Interaction interaction : local) {
      if (interaction instanceof Send || interaction instanceof Receive
          || interaction instanceof Initiates) {
        return true;
      }
      if (Interactions.children(interaction).stream().anyMatch(Projector::involvesSelf)) {
        return true;
      }
    }
    return false;
  }
}
