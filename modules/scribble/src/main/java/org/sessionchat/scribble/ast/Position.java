package org.sessionchat.scribble.ast;

/**
 * Where a token starts in a protocol file, 1-based, so that every error can point at
 * the text a person has to change.
 */
public record Position(int line, int column) {

  @Override
  public String toString() {
    return line + ":" + column;
  }
}
