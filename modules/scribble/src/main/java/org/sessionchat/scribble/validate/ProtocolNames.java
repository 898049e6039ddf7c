package org.sessionchat.scribble.validate;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sessionchat.scribble.ast.Import;
import org.sessionchat.scribble.ast.Module;
import org.sessionchat.scribble.ast.Protocol;

/**
 * Finds the protocol a {@code do} names, as scribble-java does: a simple name is a protocol
 * of the same module; {@code a.b.C.P} is protocol {@code P} of module {@code a.b.C}, and
 * {@code D.P} is {@code P} of the module imported {@code as D}. Only modules that were
 * loaded together can be found.
 */
public final class ProtocolNames {

  /** A protocol with the module it is declared in. */
  public record Found(Module module, Protocol protocol) {

    /** The module-qualified name, unique among loaded modules, e.g. {@code a.b.C.P}. */
    public String qualifiedName() {
      return module.name() + "." + protocol.name().value();
    }
  }

  private final Map<String, Module> modules = new HashMap<>();

  public ProtocolNames(List<Module> loaded) {
    loaded.forEach(m -> modules.putIfAbsent(m.name(), m));
  }

  /** The protocol {@code name} means inside module {@code from}. */
  public Optional<Found> resolve(Module from, String name) {
    int dot = name.lastIndexOf('.');
    if (dot < 0) {
      return find(from, name);
    }
    String prefix = name.substring(0, dot);
    String simple = name.substring(dot + 1);
    for (Import imported : from.imports()) {
      if (imported.prefix().equals(prefix)) {
        return Optional.ofNullable(modules.get(imported.module().value()))
            .flatMap(m -> find(m, simple));
      }
    }
    if (prefix.equals(from.name())) {
      return find(from, simple);
    }
    return Optional.ofNullable(modules.get(prefix)).flatMap(m -> find(m, simple));
  }

  /** The module a qualifier names inside {@code from}: an import alias or a module name. */
  public Optional<Module> module(Module from, String qualifier) {
    for (Import imported : from.imports()) {
      if (imported.prefix().equals(qualifier)) {
        return Optional.ofNullable(modules.get(imported.module().value()));
      }
    }
    return qualifier.equals(from.name()) ? Optional.of(from)
        : Optional.ofNullable(modules.get(qualifier));
  }

  /** Whether type {@code name} (simple, or qualified by a module) is declared for {@code from}. */
  public boolean isType(Module from, String name) {
    int dot = name.lastIndexOf('.');
    Module home = dot < 0 ? from : module(from, name.substring(0, dot)).orElse(null);
    String simple = name.substring(dot + 1);
    return home != null && home.types().stream().anyMatch(t -> t.alias().value().equals(simple));
  }

  /** Whether a module of that name was loaded. */
  public boolean isLoaded(String module) {
    return modules.containsKey(module);
  }

  private static Optional<Found> find(Module module, String simple) {
    return module.protocols().stream().filter(p -> p.name().value().equals(simple)).findFirst()
        .map(p -> new Found(module, p));
  }
}
