package org.sessionchat.scribble.ast;

import java.util.List;

/**
 * One parsed {@code .scr} file: module name, imports, payload types and protocols.
 *
 * @param source the file name used in diagnostics
 */
public record Module(String source, String name, List<Import> imports, List<TypeDecl> types,
    List<Protocol> protocols) {

  public Module {
    imports = List.copyOf(imports);
    types = List.copyOf(types);
    protocols = List.copyOf(protocols);
  }

  /** A module without imports. */
  public Module(String source, String name, List<TypeDecl> types, List<Protocol> protocols) {
    this(source, name, List.of(), types, protocols);
  }
}
