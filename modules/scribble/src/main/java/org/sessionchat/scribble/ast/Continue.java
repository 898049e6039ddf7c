package org.sessionchat.scribble.ast;

/** {@code continue X;}: jump back to the head of the enclosing {@code rec X}. */
public record Continue(Name label, Position position) implements Interaction {}
