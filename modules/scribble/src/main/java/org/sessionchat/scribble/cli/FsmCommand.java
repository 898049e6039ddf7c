package org.sessionchat.scribble.cli;

import java.util.concurrent.Callable;
import org.sessionchat.scribble.ProtocolLibrary;
import org.sessionchat.scribble.fsm.LocalFsm;
import org.sessionchat.scribble.print.FsmDotPrinter;
import org.sessionchat.scribble.print.FsmTextPrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code scribble fsm FILE --protocol P --role R [--format text|dot]}: the monitor FSM. */
@Command(name = "fsm", mixinStandardHelpOptions = true,
    description = "Print the monitor FSM of one role: a text dump or Graphviz DOT "
        + "(nested par FSMs as clusters).")
final class FsmCommand implements Callable<Integer> {

  /** Output formats of the FSM. */
  enum Format { text, dot }

  @Mixin
  private ProtocolFiles files;

  @Mixin
  private RoleSelection selection;

  @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
      description = "text or dot (default: ${DEFAULT-VALUE}).")
  private Format format;

  @Spec
  private CommandSpec spec;

  @Override
  public Integer call() {
    ProtocolLibrary library = files.load();
    selection.check(library);
    LocalFsm fsm = library.fsm(selection.protocol, selection.role);
    spec.commandLine().getOut().print(format == Format.dot
        ? FsmDotPrinter.print(fsm) : FsmTextPrinter.print(fsm));
    return 0;
  }
}
