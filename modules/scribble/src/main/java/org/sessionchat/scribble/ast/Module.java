package org.sessionchat.scribble.ast;

import java.util.List;

/**
 * One parsed {@code .scr} file: module name, payload types and protocols.
 *
 * @param source the file name used in diagnostics
 */
public record Module(String source, String name, List<TypeDecl> types, List<Protocol> protocols) {

  public Module {
    types = List.copyOf(types);
    protocols = List.copyOf(protocols);
  }
}
