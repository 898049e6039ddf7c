package org.sessionchat.scribble.cli;

import org.sessionchat.scribble.ProtocolLibrary;
import picocli.CommandLine.Option;

/** {@code --protocol P --role R}, checked against the loaded protocols. */
final class RoleSelection {

  @Option(names = "--protocol", paramLabel = "P", required = true,
      description = "Global protocol to project, e.g. ChatSession.")
  String protocol;

  @Option(names = "--role", paramLabel = "R", required = true,
      description = "Role to project onto, e.g. ClientThread.")
  String role;

  /** Fails with a one-line message naming what exists if the protocol or role does not. */
  void check(ProtocolLibrary library) {
    if (!library.protocolNames().contains(protocol)) {
      throw new InputProblem("scribble: unknown protocol " + protocol + " (protocols: "
          + String.join(", ", library.protocolNames().stream().sorted().toList()) + ")");
    }
    if (!library.roles(protocol).contains(role)) {
      throw new InputProblem("scribble: protocol " + protocol + " has no role " + role
          + " (roles: " + String.join(", ", library.roles(protocol)) + ")");
    }
  }
}
