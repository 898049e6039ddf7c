package org.sessionchat.scribble.cli;

import java.util.concurrent.Callable;
import org.sessionchat.scribble.ProtocolLibrary;
import org.sessionchat.scribble.ast.Protocol;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code scribble check FILE}: parse and validate, build every FSM, say what was found. */
@Command(name = "check", mixinStandardHelpOptions = true,
    description = "Parse and validate protocols and build every role's FSM; "
        + "errors as file:line:col: message, exit code 1.")
final class CheckCommand implements Callable<Integer> {

  @Mixin
  private ProtocolFiles files;

  @Spec
  private CommandSpec spec;

  @Override
  public Integer call() {
    ProtocolLibrary library = files.load();
    for (String protocol : library.protocolNames().stream().sorted().toList()) {
      spec.commandLine().getOut().println("ok: " + protocol + "("
          + String.join(", ", library.roles(protocol)) + ")");
    }
    library.modules().stream().flatMap(m -> m.protocols().stream()).filter(Protocol::aux)
        .forEach(aux -> spec.commandLine().getOut().println("ok: aux " + aux.name() + "("
            + String.join(", ", aux.roleNames()) + "), checked where do calls it"));
    return 0;
  }
}
