package org.sessionchat.scribble.parse;

import org.sessionchat.scribble.ast.Position;

/** One token with where it starts. */
record Token(TokenKind kind, String text, Position position) {

  boolean is(TokenKind k) {
    return kind == k;
  }

  boolean isKeyword(String keyword) {
    return kind == TokenKind.IDENT && text.equals(keyword);
  }

  /** How an error message shows this token, e.g. {@code 'from'} or {@code end of file}. */
  String describe() {
    return switch (kind) {
      case EOF -> "end of file";
      case STRING -> "\"" + text + "\"";
      default -> "'" + text + "'";
    };
  }
}
