package org.sessionchat.scribble.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.sessionchat.scribble.ProtocolLibrary;
import org.sessionchat.scribble.ast.Module;
import org.sessionchat.scribble.print.ScribblePrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code scribble project FILE --protocol P --role R}: the local protocol as Scribble text. */
@Command(name = "project", mixinStandardHelpOptions = true,
    description = "Print the projection of a global protocol onto one role (Scribble text).")
final class ProjectCommand implements Callable<Integer> {

  @Mixin
  private ProtocolFiles files;

  @Mixin
  private RoleSelection selection;

  @Spec
  private CommandSpec spec;

  @Override
  public Integer call() {
    ProtocolLibrary library = files.load();
    selection.check(library);
    Module module = library.moduleOf(selection.protocol);
    spec.commandLine().getOut().print(ScribblePrinter.localModule(module, selection.role,
        List.of(library.localProtocol(selection.protocol, selection.role))));
    return 0;
  }
}
