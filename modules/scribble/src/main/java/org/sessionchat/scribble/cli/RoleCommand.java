package org.sessionchat.scribble.cli;

import java.util.concurrent.Callable;
import org.sessionchat.scribble.ProtocolLibrary;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A command that loads the files and prints something about one (protocol, role). */
abstract class RoleCommand implements Callable<Integer> {

  @Mixin
  private ProtocolFiles files;

  @Mixin
  private RoleSelection selection;

  @Spec
  private CommandSpec spec;

  @Override
  public final Integer call() {
    ProtocolLibrary library = files.load();
    selection.check(library);
    spec.commandLine().getOut().print(render(library, selection.protocol, selection.role));
    return 0;
  }

  /** The text to print for a protocol and role that exist. */
  abstract String render(ProtocolLibrary library, String protocol, String role);
}
