package org.sessionchat.scribble;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.sessionchat.scribble.ast.Import;
import org.sessionchat.scribble.ast.Module;
import org.sessionchat.scribble.ast.Protocol;
import org.sessionchat.scribble.ast.ProtocolProblem;
import org.sessionchat.scribble.fsm.FsmBuilder;
import org.sessionchat.scribble.fsm.LocalFsm;
import org.sessionchat.scribble.fsm.Monitor;
import org.sessionchat.scribble.fsm.PayloadType;
import org.sessionchat.scribble.model.SystemCheck;
import org.sessionchat.scribble.parse.Parser;
import org.sessionchat.scribble.project.Inliner;
import org.sessionchat.scribble.project.Projector;
import org.sessionchat.scribble.validate.ProtocolNames;
import org.sessionchat.scribble.validate.Validator;
import org.sessionchat.scribble.validate.WellFormedness;

/**
 * A checked set of protocols with the monitor FSM of every (protocol, role), built once when
 * the library is made. Immutable and thread-safe; {@link #newMonitor} only allocates a cursor,
 * so the session runtime can call it for every session.
 */
public final class ProtocolLibrary {

  /** One global protocol with the module it came from and its projections and FSMs. */
  private record Entry(Module module, Protocol global, Map<String, Protocol> locals,
      Map<String, LocalFsm> fsms) {}

  private final List<Module> modules;
  private final Map<String, Entry> entries;

  private ProtocolLibrary(List<Module> modules, Map<String, Entry> entries) {
    this.modules = List.copyOf(modules);
    this.entries = entries;
  }

  /**
   * Parses, validates and builds the FSMs of one protocol text.
   *
   * @param sourceName the name diagnostics give the text, usually its file name
   * @throws ScribbleException with every problem found
   */
  public static ProtocolLibrary parse(String sourceName, String text) throws ScribbleException {
    List<Diagnostic> diagnostics = new ArrayList<>();
    Module module = Parser.parse(sourceName, text, diagnostics);
    return build(List.of(module), diagnostics);
  }

  /**
   * Parses protocol texts together (e.g. the copies bundled in a jar), keyed by the name
   * diagnostics give each: an {@code initiates} in one may name a protocol of another.
   *
   * @throws ScribbleException with every problem of every text
   */
  public static ProtocolLibrary parse(Map<String, String> textsBySourceName) throws ScribbleException {
    List<Diagnostic> diagnostics = new ArrayList<>();
    List<Module> modules = new ArrayList<>();
    textsBySourceName.forEach((name, text) -> modules.add(Parser.parse(name, text, diagnostics)));
    return build(modules, diagnostics);
  }

  /**
   * Loads protocol files together: an {@code initiates} or a {@code do} in one may name a
   * protocol of another. Imported modules that are not among the files are read from where
   * their names place them (see {@link #importedFiles}).
   *
   * @throws ScribbleException with every problem of every file
   * @throws IOException       if a file cannot be read
   */
  public static ProtocolLibrary load(List<Path> files) throws ScribbleException, IOException {
    List<Diagnostic> diagnostics = new ArrayList<>();
    List<Module> modules = new ArrayList<>();
    for (Path file : files) {
      modules.add(Parser.parse(file.toString(), Files.readString(file), diagnostics));
    }
    for (int i = 0; i < modules.size(); i++) {
      for (Path imported : importedFiles(modules.get(i), modules)) {
        modules.add(Parser.parse(imported.toString(), Files.readString(imported), diagnostics));
      }
    }
    return build(modules, diagnostics);
  }

  /**
   * The files of a module's imports that were not given, found as scribble-java finds them
   * by default: module {@code a.b.C} is {@code a/b/C.scr} under the directory the importing
   * module's own name places it in ({@code x/App.scr} holding {@code module x.App} is under
   * the directory above {@code x}).
   */
  private static List<Path> importedFiles(Module module, List<Module> loaded) {
    List<Path> found = new ArrayList<>();
    Path root = Path.of(module.source()).toAbsolutePath().getParent();
    String[] own = module.name().split("\\.");
    for (int i = own.length - 2; i >= 0 && root != null; i--) {
      root = root.getFileName() != null && root.getFileName().toString().equals(own[i])
          ? root.getParent() : null;
    }
    if (root == null) {
      return found;
    }
    for (Import imported : module.imports()) {
      String name = imported.module().value();
      if (loaded.stream().anyMatch(m -> m.name().equals(name))) {
        continue;
      }
      Path candidate = root.resolve(name.replace('.', '/') + ".scr");
      if (Files.isRegularFile(candidate) && !found.contains(candidate)) {
        found.add(candidate);
      }
    }
    return found;
  }

  private static ProtocolLibrary build(List<Module> modules, List<Diagnostic> diagnostics)
      throws ScribbleException {
    diagnostics.addAll(Validator.validate(modules));
    if (!diagnostics.isEmpty()) {
      throw new ScribbleException(diagnostics);
    }
    ProtocolNames names = new ProtocolNames(modules);
    Map<Protocol, Protocol> inlined = new LinkedHashMap<>();
    for (Module module : modules) {
      for (Protocol global : module.protocols()) {
        if (global.aux()) {
          continue;
        }
        Protocol body = Inliner.inline(module, global, names);
        inlined.put(global, body);
        WellFormedness.check(body, (at, message) ->
            diagnostics.add(Diagnostic.at(module.source(), at, message)));
      }
    }
    if (!diagnostics.isEmpty()) {
      throw new ScribbleException(diagnostics);
    }
    Map<String, List<String>> rolesByProtocol = new LinkedHashMap<>();
    modules.forEach(m -> m.protocols().forEach(
        p -> rolesByProtocol.put(p.name().value(), p.roleNames())));
    Map<String, Entry> entries = new LinkedHashMap<>();
    for (Module module : modules) {
      for (Protocol global : module.protocols()) {
        if (global.aux()) {
          continue;
        }
        Map<String, Protocol> locals = new LinkedHashMap<>();
        Map<String, LocalFsm> fsms = new LinkedHashMap<>();
        for (String role : global.roleNames()) {
          try {
            Protocol local = Projector.project(inlined.get(global), role);
            locals.put(role, local);
            fsms.put(role, FsmBuilder.build(local,
                p -> rolesByProtocol.getOrDefault(p, List.of()), payloadTypes(module, names)));
          } catch (ProtocolProblem e) {
            diagnostics.add(Diagnostic.at(module.source(), e.position(), e.getMessage()));
          }
        }
        if (fsms.size() == global.roleNames().size()) {
          SystemCheck.check(global.name().value(), global.name().position(), global.roleNames(),
              global.roleNames().stream().map(fsms::get).toList(),
              (at, message) -> diagnostics.add(Diagnostic.at(module.source(), at, message)));
        }
        entries.put(global.name().value(), new Entry(module, global, Map.copyOf(locals),
            Map.copyOf(fsms)));
      }
    }
    if (!diagnostics.isEmpty()) {
      throw new ScribbleException(diagnostics);
    }
    return new ProtocolLibrary(modules, Map.copyOf(entries));
  }

  /** The run-time checks of the payload types a module can name, simple or qualified. */
  private static Function<String, PayloadType> payloadTypes(Module module, ProtocolNames names) {
    return name -> {
      int dot = name.lastIndexOf('.');
      Optional<Module> home = dot < 0 ? Optional.of(module)
          : names.module(module, name.substring(0, dot));
      String simple = name.substring(dot + 1);
      return home.flatMap(m -> m.types().stream()
              .filter(t -> t.alias().value().equals(simple)).findFirst())
          .map(PayloadType::of)
          .orElseGet(() -> PayloadType.unchecked(name));
    };
  }

  /** The names of all protocols. */
  public Set<String> protocolNames() {
    return entries.keySet();
  }

  /** The roles of a protocol in declared order. */
  public List<String> roles(String protocol) {
    return entry(protocol).global().roleNames();
  }

  /** A fresh monitor of {@code role} in {@code protocol}, at the initial state. */
  public Monitor newMonitor(String protocol, String role) {
    return fsm(protocol, role).newMonitor();
  }

  /** The FSM of a role, shared by all its monitors (for printers and tools). */
  public LocalFsm fsm(String protocol, String role) {
    return lookup(entry(protocol).fsms(), protocol, role);
  }

  /** The projection of a protocol onto a role. */
  public Protocol localProtocol(String protocol, String role) {
    return lookup(entry(protocol).locals(), protocol, role);
  }

  /**
   * The projections onto {@code role} of every protocol of {@code module} that has that
   * role, in file order: what Scribble prints as the module {@code Name_Role}.
   */
  public List<Protocol> localProtocols(Module module, String role) {
    return module.protocols().stream()
        .filter(p -> !p.aux() && p.roleNames().contains(role))
        .map(p -> localProtocol(p.name().value(), role))
        .toList();
  }

  /** The global protocol as parsed. */
  public Protocol globalProtocol(String protocol) {
    return entry(protocol).global();
  }

  /** The module (file) a protocol was declared in. */
  public Module moduleOf(String protocol) {
    return entry(protocol).module();
  }

  /** The parsed files, in the order given. */
  public List<Module> modules() {
    return modules;
  }

  private Entry entry(String protocol) {
    Entry entry = entries.get(protocol);
    if (entry == null) {
      throw new IllegalArgumentException("unknown protocol " + protocol + " (known: "
          + String.join(", ", entries.keySet().stream().sorted().toList()) + ")");
    }
    return entry;
  }

  private static <T> T lookup(Map<String, T> byRole, String protocol, String role) {
    T value = byRole.get(role);
    if (value == null) {
      throw new IllegalArgumentException("role " + role + " not in protocol " + protocol);
    }
    return value;
  }
}
