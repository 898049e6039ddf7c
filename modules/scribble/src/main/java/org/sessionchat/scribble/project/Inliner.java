package org.sessionchat.scribble.project;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.sessionchat.scribble.ast.Choice;
import org.sessionchat.scribble.ast.Continue;
import org.sessionchat.scribble.ast.Do;
import org.sessionchat.scribble.ast.Handler;
import org.sessionchat.scribble.ast.Initiates;
import org.sessionchat.scribble.ast.Interaction;
import org.sessionchat.scribble.ast.Message;
import org.sessionchat.scribble.ast.Module;
import org.sessionchat.scribble.ast.Name;
import org.sessionchat.scribble.ast.Par;
import org.sessionchat.scribble.ast.Position;
import org.sessionchat.scribble.ast.Protocol;
import org.sessionchat.scribble.ast.Rec;
import org.sessionchat.scribble.ast.RoleArg;
import org.sessionchat.scribble.validate.ProtocolNames;

/**
 * Replaces every {@code do} of a validated global protocol by the body it calls, with the
 * callee's roles renamed to the arguments, as scribble-java's inliner does. A call of a
 * (protocol, role arguments) pair that is already being inlined further out (recursive
 * {@code do}) becomes {@code continue} to a {@code rec} put around that outer expansion;
 * its label is {@code __P__A_B}, which no hand-written label is expected to use.
 *
 * <p>Statements from a callee in another file are given the position of the {@code do},
 * so a diagnostic never names a line of the wrong file.
 */
public final class Inliner {

  private final ProtocolNames names;
  private final Module root;
  private final Set<String> recursive = new HashSet<>();

  private Inliner(ProtocolNames names, Module root) {
    this.names = names;
    this.root = root;
  }

  /** The protocol with no {@code do} left. */
  public static Protocol inline(Module module, Protocol global, ProtocolNames names) {
    Inliner inliner = new Inliner(names, module);
    ProtocolNames.Found self = new ProtocolNames.Found(module, global);
    List<String> roles = global.roleNames();
    String key = key(self, roles);
    List<Interaction> body = inliner.block(global.body(),
        new Context(module, Map.of(), new LinkedHashSet<>(List.of(key)), null));
    if (inliner.recursive.contains(key)) {
      body = List.of(new Rec(new Name(key, global.name().position()), body,
          global.name().position()));
    }
    return new Protocol(global.name(), global.self(), global.roles(), body, global.aux());
  }

  /**
   * Where the walk is: the module whose names are being resolved, the role renaming, the
   * calls being expanded, and a position to put on everything (null: keep positions).
   */
  private record Context(Module module, Map<String, String> roles, Set<String> active,
      Position at) {

    Name role(Name role) {
      return new Name(roles.getOrDefault(role.value(), role.value()), place(role.position()));
    }

    Name name(Name name) {
      return at == null ? name : new Name(name.value(), at);
    }

    Position place(Position position) {
      return at == null ? position : at;
    }
  }

  private static String key(ProtocolNames.Found callee, List<String> roles) {
    return "__" + callee.qualifiedName().replace('.', '_') + "__" + String.join("_", roles);
  }

  private List<Interaction> block(List<Interaction> block, Context cx) {
    List<Interaction> out = new ArrayList<>();
    for (Interaction interaction : block) {
      if (interaction instanceof Do d) {
        out.addAll(call(d, cx));
      } else {
        out.add(interaction(interaction, cx));
      }
    }
    return out;
  }

  private List<Interaction> call(Do d, Context cx) {
    Optional<ProtocolNames.Found> found = names.resolve(cx.module(), d.protocol().value());
    if (found.isEmpty()) {
      throw new IllegalArgumentException("unresolved do " + d.protocol() + "; validate first");
    }
    ProtocolNames.Found callee = found.get();
    List<String> args = d.roles().stream().map(r -> cx.role(r).value()).toList();
    String key = key(callee, args);
    Position at = cx.place(d.position());
    if (cx.active().contains(key)) {
      recursive.add(key);
      return List.of(new Continue(new Name(key, at), at));
    }
    Map<String, String> renaming = new HashMap<>();
    List<String> params = callee.protocol().roleNames();
    for (int i = 0; i < params.size() && i < args.size(); i++) {
      renaming.put(params.get(i), args.get(i));
    }
    Set<String> active = new LinkedHashSet<>(cx.active());
    active.add(key);
    Position keep = callee.module() == cx.module() && cx.at() == null ? null : at;
    List<Interaction> body = block(callee.protocol().body(),
        new Context(callee.module(), renaming, active, keep));
    if (recursive.contains(key)) {
      return List.of(new Rec(new Name(key, at), body, at));
    }
    return body;
  }

  /** A payload type of a callee in another module, named from the calling module. */
  private Name type(Name type, Module home) {
    if (home == root) {
      return type;
    }
    String value = type.value();
    int dot = value.lastIndexOf('.');
    Module declaring = dot < 0 ? home
        : names.module(home, value.substring(0, dot)).orElse(home);
    return new Name(declaring.name() + "." + value.substring(dot + 1), type.position());
  }

  private Interaction interaction(Interaction interaction, Context cx) {
    if (interaction instanceof Message m) {
      return new Message(cx.name(m.label()),
          m.payload().stream().map(type -> cx.name(type(type, cx.module()))).toList(),
          cx.role(m.from()), cx.role(m.to()));
    }
    if (interaction instanceof Choice c) {
      return new Choice(cx.role(c.at()), c.branches().stream().map(b -> block(b, cx)).toList(),
          cx.place(c.position()));
    }
    if (interaction instanceof Rec r) {
      return new Rec(cx.name(r.label()), block(r.body(), cx), cx.place(r.position()));
    }
    if (interaction instanceof Continue c) {
      return new Continue(cx.name(c.label()), cx.place(c.position()));
    }
    if (interaction instanceof Par p) {
      return new Par(p.branches().stream().map(b -> block(b, cx)).toList(),
          cx.place(p.position()));
    }
    if (interaction instanceof Initiates i) {
      return new Initiates(cx.role(i.initiator()), cx.name(i.protocol()),
          i.args().stream().map(a -> a.fresh() ? new RoleArg(cx.name(a.role()), true)
              : new RoleArg(cx.role(a.role()), false)).toList(),
          block(i.success(), cx),
          i.handlers().stream().map(h -> new Handler(cx.name(h.failure()),
              block(h.body(), cx))).toList());
    }
    throw new IllegalArgumentException("not a global statement: " + interaction);
  }
}
