package org.sessionchat.scribble.parse;

/** The kinds of token of the Scribble subset; keywords are identifiers checked by text. */
enum TokenKind {
  IDENT("a name"),
  STRING("a string"),
  LBRACE("'{'"),
  RBRACE("'}'"),
  LPAREN("'('"),
  RPAREN("')'"),
  LANGLE("'<'"),
  RANGLE("'>'"),
  SEMI("';'"),
  COMMA("','"),
  DOT("'.'"),
  AT("'@'"),
  EOF("end of file");

  private final String description;

  TokenKind(String description) {
    this.description = description;
  }

  /** How an error message names a token of this kind, e.g. {@code ';'}. */
  String description() {
    return description;
  }
}
