package org.sessionchat.scribble.print;

import java.util.List;
import java.util.stream.Collectors;
import org.sessionchat.scribble.ast.Choice;
import org.sessionchat.scribble.ast.Continue;
import org.sessionchat.scribble.ast.Do;
import org.sessionchat.scribble.ast.Handler;
import org.sessionchat.scribble.ast.Import;
import org.sessionchat.scribble.ast.Initiates;
import org.sessionchat.scribble.ast.Interaction;
import org.sessionchat.scribble.ast.Message;
import org.sessionchat.scribble.ast.Module;
import org.sessionchat.scribble.ast.Name;
import org.sessionchat.scribble.ast.Par;
import org.sessionchat.scribble.ast.Protocol;
import org.sessionchat.scribble.ast.Rec;
import org.sessionchat.scribble.ast.Receive;
import org.sessionchat.scribble.ast.RoleArg;
import org.sessionchat.scribble.ast.RoleDecl;
import org.sessionchat.scribble.ast.Send;
import org.sessionchat.scribble.ast.TypeDecl;

/**
 * Prints protocols back as Scribble text, global or local, two spaces per level. The local
 * form is the one of the report's section 3.1, e.g. {@code roomPID(RoomName, PID) from
 * RoomRegistry;}.
 */
public final class ScribblePrinter {

  private final StringBuilder out = new StringBuilder();

  private ScribblePrinter() {}

  /**
   * A module of local protocols as Scribble writes a projection: the module name gets
   * {@code _Role}, the type declarations are repeated, then each local protocol.
   */
  public static String localModule(Module global, String role, List<Protocol> locals) {
    ScribblePrinter printer = new ScribblePrinter();
    printer.header(global.name() + "_" + role, List.of(), global.types());
    for (Protocol local : locals) {
      printer.out.append('\n');
      printer.protocol(local);
    }
    return printer.out.toString();
  }

  /** A whole module of global protocols. */
  public static String module(Module module) {
    ScribblePrinter printer = new ScribblePrinter();
    printer.header(module.name(), module.imports(), module.types());
    for (Protocol protocol : module.protocols()) {
      printer.out.append('\n');
      printer.protocol(protocol);
    }
    return printer.out.toString();
  }

  /** One protocol, global or local. */
  public static String print(Protocol protocol) {
    ScribblePrinter printer = new ScribblePrinter();
    printer.protocol(protocol);
    return printer.out.toString();
  }

  private void header(String moduleName, List<Import> imports, List<TypeDecl> types) {
    out.append("module ").append(moduleName).append(";\n");
    if (!imports.isEmpty()) {
      out.append('\n');
    }
    for (Import imported : imports) {
      out.append("import ").append(imported.module());
      imported.alias().ifPresent(alias -> out.append(" as ").append(alias));
      out.append(";\n");
    }
    if (!types.isEmpty()) {
      out.append('\n');
    }
    for (TypeDecl type : types) {
      out.append("type <").append(type.schema()).append("> \"").append(type.external())
          .append("\" from \"").append(type.source()).append("\" as ").append(type.alias())
          .append(";\n");
    }
  }

  private void protocol(Protocol protocol) {
    out.append(protocol.aux() ? "aux " : "").append(protocol.isLocal() ? "local" : "global")
        .append(" protocol ")
        .append(protocol.name());
    protocol.self().ifPresent(self -> out.append(" at ").append(self));
    out.append('(').append(roles(protocol.roles())).append(") {\n");
    block(protocol.body(), 1);
    out.append("}\n");
  }

  private void block(List<Interaction> body, int depth) {
    for (Interaction interaction : body) {
      interaction(interaction, depth);
    }
  }

  private void interaction(Interaction interaction, int depth) {
    indent(depth);
    if (interaction instanceof Message m) {
      out.append(signature(m.label(), m.payload())).append(" from ").append(m.from())
          .append(" to ").append(m.to()).append(";\n");
    } else if (interaction instanceof Send s) {
      out.append(signature(s.label(), s.payload())).append(" to ").append(s.to()).append(";\n");
    } else if (interaction instanceof Receive r) {
      out.append(signature(r.label(), r.payload())).append(" from ").append(r.from())
          .append(";\n");
    } else if (interaction instanceof Continue c) {
      out.append("continue ").append(c.label()).append(";\n");
    } else if (interaction instanceof Rec r) {
      out.append("rec ").append(r.label());
      blocks(List.of(r.body()), "", depth);
    } else if (interaction instanceof Choice c) {
      out.append("choice at ").append(c.at());
      blocks(c.branches(), " or", depth);
    } else if (interaction instanceof Par p) {
      out.append("par");
      blocks(p.branches(), " and", depth);
    } else if (interaction instanceof Initiates i) {
      initiates(i, depth);
    } else if (interaction instanceof Do d) {
      out.append("do ").append(d.protocol()).append('(')
          .append(d.roles().stream().map(Name::value).collect(Collectors.joining(", ")))
          .append(");\n");
    }
  }

  private void initiates(Initiates i, int depth) {
    out.append(i.initiator()).append(" initiates ").append(i.protocol()).append('(')
        .append(i.args().stream().map(RoleArg::toString).collect(Collectors.joining(", ")))
        .append(") {\n");
    block(i.success(), depth + 1);
    for (Handler handler : i.handlers()) {
      indent(depth);
      out.append("} handle (").append(handler.failure()).append(") {\n");
      block(handler.body(), depth + 1);
    }
    indent(depth);
    out.append("}\n");
  }

  /** {@code  { ... } or { ... }} after a statement's head, closing on its own line. */
  private void blocks(List<List<Interaction>> blocks, String separator, int depth) {
    for (int i = 0; i < blocks.size(); i++) {
      if (i > 0) {
        indent(depth);
        out.append('}').append(separator);
      }
      out.append(" {\n");
      block(blocks.get(i), depth + 1);
    }
    indent(depth);
    out.append("}\n");
  }

  private static String signature(Name label, List<Name> payload) {
    return label + "(" + payload.stream().map(Name::value).collect(Collectors.joining(", "))
        + ")";
  }

  private void indent(int depth) {
    out.append("  ".repeat(depth));
  }

  private static String roles(List<RoleDecl> roles) {
    return roles.stream().map(r -> "role " + r.value()).collect(Collectors.joining(", "));
  }
}
