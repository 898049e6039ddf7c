package org.sessionchat.scribble;

import org.sessionchat.scribble.ast.Position;

/**
 * One problem found in a protocol file, pointing at the line and column to fix.
 *
 * @param source the file name as given to the parser
 */
public record Diagnostic(String source, int line, int column, String message) {

  public static Diagnostic at(String source, Position position, String message) {
    return new Diagnostic(source, position.line(), position.column(), message);
  }

  /** {@code source:line:col: message}, the form compilers use so editors can jump to it. */
  @Override
  public String toString() {
    return source + ":" + line + ":" + column + ": " + message;
  }
}
