package org.sessionchat.scribble.cli;

import org.sessionchat.scribble.ProtocolLibrary;
import org.sessionchat.scribble.fsm.LocalFsm;
import org.sessionchat.scribble.print.FsmDotPrinter;
import org.sessionchat.scribble.print.FsmTextPrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code scribble fsm FILE --protocol P --role R [--format text|dot]}: the monitor FSM. */
@Command(name = "fsm", mixinStandardHelpOptions = true,
    description = "Print the monitor FSM of one role: a text dump or Graphviz DOT "
        + "(nested par FSMs as clusters).")
final class FsmCommand extends RoleCommand {

  /** Output formats of the FSM. */
  enum Format { text, dot }

  @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
      description = "text or dot (default: ${DEFAULT-VALUE}).")
  private Format format;

  @Override
  String render(ProtocolLibrary library, String protocol, String role) {
    LocalFsm fsm = library.fsm(protocol, role);
    return format == Format.dot ? FsmDotPrinter.print(fsm) : FsmTextPrinter.print(fsm);
  }
}
