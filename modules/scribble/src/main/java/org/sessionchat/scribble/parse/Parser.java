package org.sessionchat.scribble.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.sessionchat.scribble.Diagnostic;
import org.sessionchat.scribble.ast.Choice;
import org.sessionchat.scribble.ast.Continue;
import org.sessionchat.scribble.ast.Handler;
import org.sessionchat.scribble.ast.Initiates;
import org.sessionchat.scribble.ast.Interaction;
import org.sessionchat.scribble.ast.Message;
import org.sessionchat.scribble.ast.Module;
import org.sessionchat.scribble.ast.Name;
import org.sessionchat.scribble.ast.Par;
import org.sessionchat.scribble.ast.Protocol;
import org.sessionchat.scribble.ast.Rec;
import org.sessionchat.scribble.ast.RoleArg;
import org.sessionchat.scribble.ast.RoleDecl;
import org.sessionchat.scribble.ast.TypeDecl;

/**
 * Recursive-descent parser for the Scribble subset (see docs/protocol.md).
 *
 * <p>A syntax error is reported at the offending token; the parser then skips to the next
 * declaration (a {@code type} or {@code global protocol}) so one run reports an error in
 * each protocol of a file, not only the first.
 */
public final class Parser {

  private static final Set<String> KEYWORDS = Set.of("module", "import", "type", "global",
      "local", "protocol", "role", "from", "to", "as", "choice", "at", "or", "rec", "continue",
      "par", "and", "initiates", "new", "handle");

  private final String source;
  private final List<Diagnostic> diagnostics;
  private final List<Token> tokens;
  private int index;

  /** Thrown to abandon the declaration being parsed after its error was recorded. */
  private static final class SyntaxError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SyntaxError() {
      super(null, null, false, false);
    }
  }

  private Parser(String source, String text, List<Diagnostic> diagnostics) {
    this.source = source;
    this.diagnostics = diagnostics;
    this.tokens = new Lexer(text, e -> diagnostics.add(Diagnostic.at(source, e.position(),
        e.message()))).tokens();
  }

  /**
   * Parses one file.
   *
   * @param source      the file name used in diagnostics
   * @param diagnostics where syntax errors are added
   * @return what could be parsed; complete only if no diagnostic was added
   */
  public static Module parse(String source, String text, List<Diagnostic> diagnostics) {
    return new Parser(source, text, diagnostics).module();
  }

  private Module module() {
    String name = "";
    List<TypeDecl> types = new ArrayList<>();
    List<Protocol> protocols = new ArrayList<>();
    try {
      expectKeyword("module");
      name = qualifiedName();
      expect(TokenKind.SEMI);
    } catch (SyntaxError e) {
      recover();
    }
    while (!peek().is(TokenKind.EOF)) {
      try {
        if (peek().isKeyword("type")) {
          types.add(typeDecl());
        } else if (peek().isKeyword("global")) {
          protocols.add(protocol());
        } else {
          throw error(peek(), "expected 'type' or 'global protocol' but found "
              + peek().describe());
        }
      } catch (SyntaxError e) {
        recover();
      }
    }
    return new Module(source, name, types, protocols);
  }

  /** Skips to the next top-level declaration. */
  private void recover() {
    if (!peek().is(TokenKind.EOF)) {
      index++;
    }
    while (!peek().is(TokenKind.EOF) && !peek().isKeyword("global") && !peek().isKeyword("type")) {
      index++;
    }
  }

  private TypeDecl typeDecl() {
    expectKeyword("type");
    expect(TokenKind.LANGLE);
    String schema = identifier("a type schema").value();
    expect(TokenKind.RANGLE);
    String external = expect(TokenKind.STRING).text();
    expectKeyword("from");
    String from = expect(TokenKind.STRING).text();
    expectKeyword("as");
    Name alias = identifier("a type name");
    expect(TokenKind.SEMI);
    return new TypeDecl(schema, external, from, alias);
  }

  private Protocol protocol() {
    expectKeyword("global");
    expectKeyword("protocol");
    Name name = identifier("a protocol name");
    expect(TokenKind.LPAREN);
    List<RoleDecl> roles = new ArrayList<>();
    do {
      expectKeyword("role");
      roles.add(new RoleDecl(identifier("a role name")));
    } while (accept(TokenKind.COMMA));
    expect(TokenKind.RPAREN);
    return new Protocol(name, Optional.empty(), roles, block());
  }

  private List<Interaction> block() {
    expect(TokenKind.LBRACE);
    List<Interaction> body = new ArrayList<>();
    while (!peek().is(TokenKind.RBRACE)) {
      if (peek().is(TokenKind.EOF)) {
        throw error(peek(), "expected '}' but found end of file");
      }
      body.add(interaction());
    }
    expect(TokenKind.RBRACE);
    return body;
  }

  private Interaction interaction() {
    Token first = peek();
    if (first.isKeyword("choice")) {
      return choice();
    }
    if (first.isKeyword("rec")) {
      index++;
      return new Rec(identifier("a recursion label"), block(), first.position());
    }
    if (first.isKeyword("continue")) {
      index++;
      Name label = identifier("a recursion label");
      expect(TokenKind.SEMI);
      return new Continue(label, first.position());
    }
    if (first.isKeyword("par")) {
      index++;
      List<List<Interaction>> branches = new ArrayList<>();
      branches.add(block());
      do {
        expectKeyword("and");
        branches.add(block());
      } while (peek().isKeyword("and"));
      return new Par(branches, first.position());
    }
    if (first.is(TokenKind.IDENT) && !KEYWORDS.contains(first.text())
        && peekAt(1).isKeyword("initiates")) {
      return initiates();
    }
    return message();
  }

  private Choice choice() {
    Token first = next();
    expectKeyword("at");
    Name at = identifier("a role name");
    List<List<Interaction>> branches = new ArrayList<>();
    branches.add(block());
    while (peek().isKeyword("or")) {
      index++;
      branches.add(block());
    }
    return new Choice(at, branches, first.position());
  }

  private Initiates initiates() {
    Name initiator = identifier("a role name");
    expectKeyword("initiates");
    Name protocol = identifier("a protocol name");
    expect(TokenKind.LPAREN);
    List<RoleArg> args = new ArrayList<>();
    do {
      boolean fresh = peek().isKeyword("new");
      if (fresh) {
        index++;
      }
      args.add(new RoleArg(identifier("a role name"), fresh));
    } while (accept(TokenKind.COMMA));
    expect(TokenKind.RPAREN);
    List<Interaction> success = block();
    List<Handler> handlers = new ArrayList<>();
    while (peek().isKeyword("handle")) {
      index++;
      expect(TokenKind.LPAREN);
      Name failure = identifier("a failure name");
      expect(TokenKind.RPAREN);
      handlers.add(new Handler(failure, block()));
    }
    return new Initiates(initiator, protocol, args, success, handlers);
  }

  private Message message() {
    Name label = identifier("a message label or a statement");
    expect(TokenKind.LPAREN);
    List<Name> payload = new ArrayList<>();
    if (!peek().is(TokenKind.RPAREN)) {
      do {
        Token start = peek();
        payload.add(new Name(qualifiedName(), start.position()));
      } while (accept(TokenKind.COMMA));
    }
    expect(TokenKind.RPAREN);
    expectKeyword("from");
    Name from = identifier("a role name");
    expectKeyword("to");
    Name to = identifier("a role name");
    expect(TokenKind.SEMI);
    return new Message(label, payload, from, to);
  }

  private String qualifiedName() {
    StringBuilder name = new StringBuilder(identifier("a name").value());
    while (accept(TokenKind.DOT)) {
      name.append('.').append(identifier("a name").value());
    }
    return name.toString();
  }

  private Name identifier(String what) {
    Token token = peek();
    if (!token.is(TokenKind.IDENT) || KEYWORDS.contains(token.text())) {
      throw error(token, "expected " + what + " but found " + token.describe());
    }
    index++;
    return new Name(token.text(), token.position());
  }

  private Token expect(TokenKind kind) {
    Token token = peek();
    if (!token.is(kind)) {
      throw error(token, "expected " + kind.description() + " but found " + token.describe());
    }
    index++;
    return token;
  }

  private void expectKeyword(String keyword) {
    Token token = peek();
    if (!token.isKeyword(keyword)) {
      throw error(token, "expected '" + keyword + "' but found " + token.describe());
    }
    index++;
  }

  private boolean accept(TokenKind kind) {
    if (peek().is(kind)) {
      index++;
      return true;
    }
    return false;
  }

  private Token next() {
    return tokens.get(index++);
  }

  private Token peek() {
    return peekAt(0);
  }

  private Token peekAt(int ahead) {
    return tokens.get(Math.min(index + ahead, tokens.size() - 1));
  }

  private SyntaxError error(Token at, String message) {
    diagnostics.add(Diagnostic.at(source, at.position(), message));
    return new SyntaxError();
  }
}
