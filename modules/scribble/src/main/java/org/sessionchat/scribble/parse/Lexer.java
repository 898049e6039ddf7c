package org.sessionchat.scribble.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.sessionchat.scribble.ast.Position;

/**
 * Splits protocol text into tokens, skipping whitespace and {@code //} / {@code /* *}{@code /}
 * comments. Bad characters are reported and skipped so the parser still sees the rest.
 *
 * <p>The token classes are scribble-java's (its ANTLR grammar {@code Scribble.g}): an
 * identifier is any run of ASCII letters, digits and underscores, so {@code 1} and
 * {@code _x} are message operators too; a quoted name holds only letters, digits and
 * {@code {}()[]:/\.#&?!_}.
 */
final class Lexer {

  /** The symbols scribble-java allows inside a quoted name besides letters and digits. */
  private static final String QUOTED_SYMBOLS = "{}()[]:/\\.#&?!_";

  private final String text;
  private final Consumer<ErrorAt> errors;
  private int offset;
  private int line = 1;
  private int column = 1;

  /** A lexical problem and where it is. */
  record ErrorAt(Position position, String message) {}

  Lexer(String text, Consumer<ErrorAt> errors) {
    this.text = text;
    this.errors = errors;
  }

  List<Token> tokens() {
    List<Token> tokens = new ArrayList<>();
    Token token;
    do {
      token = next();
      if (token != null) {
        tokens.add(token);
      }
    } while (token == null || !token.is(TokenKind.EOF));
    return tokens;
  }

  /** The next token, or null after skipping something that is not one. */
  private Token next() {
    skipSpaceAndComments();
    Position start = new Position(line, column);
    if (offset >= text.length()) {
      return new Token(TokenKind.EOF, "", start);
    }
    char c = text.charAt(offset);
    if (isIdentifierPart(c)) {
      int from = offset;
      while (offset < text.length() && isIdentifierPart(text.charAt(offset))) {
        advance();
      }
      return new Token(TokenKind.IDENT, text.substring(from, offset), start);
    }
    if (c == '"') {
      return string(start);
    }
    TokenKind kind = switch (c) {
      case '{' -> TokenKind.LBRACE;
      case '}' -> TokenKind.RBRACE;
      case '(' -> TokenKind.LPAREN;
      case ')' -> TokenKind.RPAREN;
      case '<' -> TokenKind.LANGLE;
      case '>' -> TokenKind.RANGLE;
      case ';' -> TokenKind.SEMI;
      case ',' -> TokenKind.COMMA;
      case '.' -> TokenKind.DOT;
      case '@' -> TokenKind.AT;
      default -> null;
    };
    advance();
    if (kind == null) {
      errors.accept(new ErrorAt(start, "unexpected character '" + c + "'"));
      return null;
    }
    return new Token(kind, String.valueOf(c), start);
  }

  private Token string(Position start) {
    advance();
    int from = offset;
    ErrorAt badCharacter = null;
    while (offset < text.length() && text.charAt(offset) != '"' && text.charAt(offset) != '\n') {
      char c = text.charAt(offset);
      if (badCharacter == null && !isIdentifierPart(c) && QUOTED_SYMBOLS.indexOf(c) < 0) {
        badCharacter = new ErrorAt(new Position(line, column), "character '" + c
            + "' is not allowed in a quoted name (letters, digits and " + QUOTED_SYMBOLS
            + " only)");
      }
      advance();
    }
    String value = text.substring(from, offset);
    if (offset < text.length() && text.charAt(offset) == '"') {
      advance();
      if (badCharacter != null) {
        errors.accept(badCharacter);
      }
    } else {
      errors.accept(new ErrorAt(start, "string is not closed on its line"));
    }
    return new Token(TokenKind.STRING, value, start);
  }

  /** scribble-java's ID characters: ASCII letters, digits, underscore. */
  static boolean isIdentifierPart(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || c == '_';
  }

  private void skipSpaceAndComments() {
    while (offset < text.length()) {
      char c = text.charAt(offset);
      if (Character.isWhitespace(c)) {
        advance();
      } else if (text.startsWith("//", offset)) {
        while (offset < text.length() && text.charAt(offset) != '\n') {
          advance();
        }
      } else if (text.startsWith("/*", offset)) {
        Position start = new Position(line, column);
        int end = text.indexOf("*/", offset + 2);
        int stop = end < 0 ? text.length() : end + 2;
        while (offset < stop) {
          advance();
        }
        if (end < 0) {
          errors.accept(new ErrorAt(start, "comment is not closed before the end of the file"));
        }
      } else {
        return;
      }
    }
  }

  private void advance() {
    if (text.charAt(offset) == '\n') {
      line++;
      column = 1;
    } else {
      column++;
    }
    offset++;
  }
}
