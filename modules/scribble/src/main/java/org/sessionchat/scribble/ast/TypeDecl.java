package org.sessionchat.scribble.ast;

/** {@code type <schema> "external" from "source" as Alias;}: a payload type name. */
public record TypeDecl(String schema, String external, String source, Name alias) {}
