package org.sessionchat.scribble.validate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.sessionchat.scribble.Diagnostic;
import org.sessionchat.scribble.ast.Choice;
import org.sessionchat.scribble.ast.Continue;
import org.sessionchat.scribble.ast.Do;
import org.sessionchat.scribble.ast.Handler;
import org.sessionchat.scribble.ast.Import;
import org.sessionchat.scribble.ast.Initiates;
import org.sessionchat.scribble.ast.Interaction;
import org.sessionchat.scribble.ast.Interactions;
import org.sessionchat.scribble.ast.Message;
import org.sessionchat.scribble.ast.Module;
import org.sessionchat.scribble.ast.Name;
import org.sessionchat.scribble.ast.Par;
import org.sessionchat.scribble.ast.Position;
import org.sessionchat.scribble.ast.Protocol;
import org.sessionchat.scribble.ast.Rec;
import org.sessionchat.scribble.ast.RoleArg;
import org.sessionchat.scribble.ast.RoleDecl;
import org.sessionchat.scribble.ast.TypeDecl;

/**
 * The first checks of parsed global protocols, on the protocols as written: names (roles,
 * recursion labels, payload types, the targets of {@code do} and {@code initiates}) and
 * declarations. Every problem of every file is reported, each at the token to fix. The
 * checks that need {@code do} inlined ({@link WellFormedness}) run only when these pass,
 * as scribble-java runs its passes one after the other.
 */
public final class Validator {

  private final List<Diagnostic> diagnostics = new ArrayList<>();
  private final Map<String, Protocol> protocols = new HashMap<>();
  private final Map<String, String> roleHomes = new HashMap<>();
  private final ProtocolNames names;

  private Validator(List<Module> modules) {
    this.names = new ProtocolNames(modules);
    for (Module module : modules) {
      for (Protocol protocol : module.protocols()) {
        protocols.putIfAbsent(protocol.name().value(), protocol);
        protocol.roles().forEach(r -> roleHomes.putIfAbsent(r.value(), protocol.name().value()));
      }
    }
  }

  /** Checks all modules together (an {@code initiates} may name a protocol of another file). */
  public static List<Diagnostic> validate(List<Module> modules) {
    Validator validator = new Validator(modules);
    Map<String, String> seen = new HashMap<>();
    for (Module module : modules) {
      for (Import imported : module.imports()) {
        if (!validator.names.isLoaded(imported.module().value())) {
          validator.report(module, imported.module().position(), "module " + imported.module()
              + " is imported but not loaded (give its file too)");
        }
      }
      Set<String> types = new HashSet<>();
      for (TypeDecl type : module.types()) {
        if (!types.add(type.alias().value())) {
          validator.report(module, type.alias().position(), "type " + type.alias() + " is declared twice");
        }
      }
      for (Protocol protocol : module.protocols()) {
        String previous = seen.putIfAbsent(protocol.name().value(),
            module.source() + ":" + protocol.name().position());
        if (previous != null) {
          validator.report(module, protocol.name().position(), "protocol " + protocol.name()
              + " is already declared at " + previous);
        }
        new ProtocolCheck(validator, module, protocol, types).run();
      }
    }
    return List.copyOf(validator.diagnostics);
  }

  void report(Module module, Position at, String message) {
    diagnostics.add(Diagnostic.at(module.source(), at, message));
  }

  Optional<Protocol> protocol(String name) {
    return Optional.ofNullable(protocols.get(name));
  }

  Optional<String> protocolDeclaring(String role) {
    return Optional.ofNullable(roleHomes.get(role));
  }

  /** The checks of one global protocol, walking its body with the recursion labels in scope. */
  private static final class ProtocolCheck {
    private final Validator validator;
    private final Module module;
    private final Protocol protocol;
    private final Set<String> types;
    private final Set<String> roles = new HashSet<>();

    ProtocolCheck(Validator validator, Module module, Protocol protocol, Set<String> types) {
      this.validator = validator;
      this.module = module;
      this.protocol = protocol;
      this.types = types;
    }

    void run() {
      for (RoleDecl role : protocol.roles()) {
        if (!roles.add(role.value())) {
          report(role.name(), "role " + role.value() + " is declared twice in protocol "
              + protocol.name());
        }
      }
      block(protocol.body(), new Scope(Map.of()));
    }

    /**
     * The recursion labels visible at a point; a label bound outside the nearest {@code par}
     * maps to false (a par branch may not continue it).
     */
    private record Scope(Map<String, Boolean> labels) {
      Scope bind(String label) {
        Map<String, Boolean> inner = new HashMap<>(labels);
        inner.put(label, true);
        return new Scope(inner);
      }

      Scope enterPar() {
        Map<String, Boolean> inner = new HashMap<>();
        labels.keySet().forEach(l -> inner.put(l, false));
        return new Scope(inner);
      }
    }

    private void block(List<Interaction> body, Scope scope) {
      for (Interaction interaction : body) {
        interaction(interaction, scope);
      }
    }

    private void interaction(Interaction interaction, Scope scope) {
      if (interaction instanceof Message m) {
        message(m);
      } else if (interaction instanceof Choice c) {
        choice(c, scope);
      } else if (interaction instanceof Rec r) {
        block(r.body(), scope.bind(r.label().value()));
      } else if (interaction instanceof Continue c) {
        continueTo(c, scope);
      } else if (interaction instanceof Par p) {
        p.branches().forEach(branch -> block(branch, scope.enterPar()));
      } else if (interaction instanceof Initiates i) {
        initiates(i, scope);
      } else if (interaction instanceof Do d) {
        doCall(d);
      } else {
        report(interaction.position(), "a global protocol cannot contain "
            + interaction.getClass().getSimpleName());
      }
    }

    private void message(Message m) {
      role(m.from());
      role(m.to());
      if (m.from().value().equals(m.to().value())) {
        report(m.to(), "role " + m.from() + " sends " + m.label() + " to itself");
      }
      for (Name type : m.payload()) {
        if (!types.contains(type.value()) && !validator.names.isType(module, type.value())) {
          report(type, "type " + type + " is not declared (add: type <schema> \"...\" from"
              + " \"...\" as " + type + ";)");
        }
      }
    }

    private void choice(Choice c, Scope scope) {
      role(c.at());
      for (List<Interaction> branch : c.branches()) {
        block(branch, scope);
      }
    }

    /** {@code do Q(A, B);}: Q must exist, take as many roles, each a distinct role here. */
    private void doCall(Do d) {
      Optional<ProtocolNames.Found> target = validator.names.resolve(module, d.protocol().value());
      if (target.isEmpty()) {
        report(d.protocol(), "do names unknown protocol " + d.protocol());
      } else if (target.get().protocol().roles().size() != d.roles().size()) {
        report(d.protocol(), "protocol " + d.protocol() + " has "
            + target.get().protocol().roles().size() + " roles but do passes "
            + d.roles().size());
      }
      Set<String> passed = new HashSet<>();
      for (Name role : d.roles()) {
        if (role(role) && !passed.add(role.value())) {
          report(role, "role " + role + " is passed twice to " + d.protocol());
        }
      }
    }

    private void continueTo(Continue c, Scope scope) {
      Boolean reachable = scope.labels().get(c.label().value());
      if (reachable == null) {
        report(c.label(), "continue " + c.label() + " has no enclosing rec " + c.label());
      } else if (!reachable) {
        report(c.label(), "continue " + c.label()
            + " leaves a par branch; a par branch cannot continue a rec outside it");
      }
    }

    private void initiates(Initiates i, Scope scope) {
      role(i.initiator());
      Optional<Protocol> target = validator.protocol(i.protocol().value());
      if (target.isEmpty()) {
        report(i.protocol(), "initiates unknown protocol " + i.protocol());
      } else if (target.get().roles().size() != i.args().size()) {
        report(i.protocol(), "protocol " + i.protocol() + " has " + target.get().roles().size()
            + " roles but initiates passes " + i.args().size());
      }
      List<String> subRoles = target.map(Protocol::roleNames).orElse(List.of());
      for (int k = 0; k < i.args().size(); k++) {
        RoleArg arg = i.args().get(k);
        if (!arg.fresh()) {
          role(arg.role());
          if (!arg.role().value().equals(i.initiator().value())) {
            report(arg.role(), "only the initiator " + i.initiator()
                + " can be invited internally; write 'new " + arg.role() + "' for a new actor");
          }
        } else if (k < subRoles.size() && !subRoles.get(k).equals(arg.role().value())) {
          report(arg.role(), "new " + arg.role() + " does not match role " + subRoles.get(k)
              + " of protocol " + i.protocol() + " at position " + (k + 1));
        }
      }
      Set<String> failures = new HashSet<>();
      for (Handler handler : i.handlers()) {
        if (!failures.add(handler.failure().value())) {
          report(handler.failure(), "failure " + handler.failure() + " is handled twice");
        }
      }
      List<List<Interaction>> blocks = new ArrayList<>();
      blocks.add(i.success());
      i.handlers().forEach(h -> blocks.add(h.body()));
      for (List<Interaction> block : blocks) {
        onlyInitiator(block, i.initiator());
        block(block, scope);
      }
    }

    /** Only the initiator learns a sub-session's outcome, so only it may act on it. */
    private void onlyInitiator(List<Interaction> block, Name initiator) {
      for (Interaction interaction : block) {
        if (interaction instanceof Do d) {
          Optional<Name> other = d.roles().stream()
              .filter(r -> !r.value().equals(initiator.value())).findFirst();
          if (other.isPresent()) {
            report(other.get(), "role " + other.get() + " cannot take part in a block of "
                + initiator + " initiates: only " + initiator
                + " learns how the sub-session ended");
            return;
          }
        }
        if (interaction instanceof Message m) {
          Name other = m.from().value().equals(initiator.value()) ? m.to() : m.from();
          report(other, "role " + other + " cannot take part in a block of " + initiator
              + " initiates: only " + initiator + " learns how the sub-session ended");
          return;
        }
        for (List<Interaction> nested : Interactions.children(interaction)) {
          onlyInitiator(nested, initiator);
        }
      }
    }

    /** Reports a role that is not a parameter of this protocol; true if it is one. */
    private boolean role(Name role) {
      if (roles.contains(role.value())) {
        return true;
      }
      Optional<String> home = validator.protocolDeclaring(role.value());
      if (home.isPresent()) {
        report(role, "role " + role + " is not a parameter of protocol " + protocol.name()
            + " (it is one of " + home.get() + ")");
      } else {
        report(role, "role " + role + " is not declared in protocol " + protocol.name());
      }
      return false;
    }

    private void report(Name at, String message) {
      report(at.position(), message);
    }

    private void report(Position at, String message) {
      validator.report(module, at, message);
    }
  }
}
