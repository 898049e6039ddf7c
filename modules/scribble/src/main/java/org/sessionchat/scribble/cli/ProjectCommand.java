package org.sessionchat.scribble.cli;

import java.util.List;
import org.sessionchat.scribble.ProtocolLibrary;
import org.sessionchat.scribble.print.ScribblePrinter;
import picocli.CommandLine.Command;

/** {@code scribble project FILE --protocol P --role R}: the local protocol as Scribble text. */
@Command(name = "project", mixinStandardHelpOptions = true,
    description = "Print the projection of a global protocol onto one role (Scribble text).")
final class ProjectCommand extends RoleCommand {

  @Override
  String render(ProtocolLibrary library, String protocol, String role) {
    return ScribblePrinter.localModule(library.moduleOf(protocol), role,
        List.of(library.localProtocol(protocol, role)));
  }
}
