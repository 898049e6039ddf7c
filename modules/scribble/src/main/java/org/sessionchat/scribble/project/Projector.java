package org.sessionchat.scribble.project;

import java.util.ArrayList;
import java.util.List;
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
import org.sessionchat.scribble.ast.Rec;
import org.sessionchat.scribble.ast.Receive;
import org.sessionchat.scribble.ast.Send;

/**
 * Projects a validated global protocol onto one role, following Scribble: a message becomes
 * a send or a receive or disappears; a choice, loop or par branch that does not involve the
 * role is dropped; an {@code initiates} stays only at its initiator (the only role that
 * learns the sub-session's outcome).
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
   */
  public static Protocol project(Protocol global, String role) {
    if (!global.roleNames().contains(role)) {
      throw new IllegalArgumentException("role " + role + " not in protocol "
          + global.name().value());
    }
    return new Protocol(global.name(), Optional.of(role), global.roles(),
        new Projector(role).block(global.body()));
  }

  private List<Interaction> block(List<Interaction> global) {
    List<Interaction> local = new ArrayList<>();
    for (Interaction interaction : global) {
      project(interaction, local);
    }
    return local;
  }

  private void project(Interaction interaction, List<Interaction> into) {
    if (interaction instanceof Message m) {
      if (m.from().value().equals(role)) {
        into.add(new Send(m.label(), m.payload(), m.to()));
      } else if (m.to().value().equals(role)) {
        into.add(new Receive(m.label(), m.payload(), m.from()));
      }
    } else if (interaction instanceof Choice c) {
      List<List<Interaction>> branches = c.branches().stream().map(this::block).toList();
      if (branches.stream().anyMatch(Projector::involvesSelf)) {
        into.add(new Choice(c.at(), branches, c.position()));
      }
    } else if (interaction instanceof Rec r) {
      List<Interaction> body = block(r.body());
      if (involvesSelf(body)) {
        into.add(new Rec(r.label(), body, r.position()));
      }
    } else if (interaction instanceof Continue c) {
      into.add(c);
    } else if (interaction instanceof Par p) {
      List<List<Interaction>> branches = p.branches().stream().map(this::block)
          .filter(Projector::involvesSelf).toList();
      if (branches.size() == 1) {
        into.addAll(branches.get(0));
      } else if (!branches.isEmpty()) {
        into.add(new Par(branches, p.position()));
      }
    } else if (interaction instanceof Initiates i) {
      if (i.initiator().value().equals(role)) {
        into.add(new Initiates(i.initiator(), i.protocol(), i.args(), block(i.success()),
            i.handlers().stream().map(h -> new Handler(h.failure(), block(h.body()))).toList()));
      }
    } else {
      throw new IllegalArgumentException("not a global statement: " + interaction);
    }
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
