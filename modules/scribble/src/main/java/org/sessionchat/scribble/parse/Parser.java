package org.sessionchat.scribble.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.sessionchat.scribble.Diagnostic;
import org.sessionchat.scribble.ast.Choice;
import org.sessionchat.scribble.ast.Continue;
import org.sessionchat.scribble.ast.Do;
import org.sessionchat.scribble.ast.Handler;
import org.sessionchat.scribble.ast.Import;
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
 * Recursive-descent parser for scribble-java's grammar ({@code Scribble.g}) restricted to
 * our subset, plus the {@code par} and {@code initiates} extensions (see docs/protocol.md).
 *
 * <p>A module is {@code module}, then imports, then {@code type}/{@code data}
 * declarations, then protocols, in that order. The keywords are scribble-java's; the
 * extension words {@code par}, {@code initiates}, {@code new} and {@code handle} are
 * recognised only where they start an extension, so a scribble-java protocol using them as
 * names still parses. Constructs of scribble-java outside the subset (explicit
 * connections, delegation, parameters, signature names, multicast) are refused by name.
 *
 * <p>A syntax error is reported at the offending token; the parser then skips to the next
 * declaration so one run reports an error in each protocol of a file, not only the first.
 */
public final class Parser {

  /** scribble-java's keywords: never a name. */
  private static final Set<String> KEYWORDS = Set.of("module", "import", "data", "sig", "type",
      "protocol", "as", "global", "local", "explicit", "aux", "role", "self", "from", "to",
      "connect", "wrap", "disconnect", "and", "choice", "at", "or", "rec", "continue", "do");

  /** Words that start a top-level declaration: where recovery resumes. */
  private static final Set<String> DECLARATION_STARTS = Set.of("import", "type", "data", "sig",
      "global", "local", "aux", "explicit");

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

  /** Which part of a module comes next: imports, then types, then protocols. */
  private enum Section { IMPORTS, TYPES, PROTOCOLS }

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
    List<Import> imports = new ArrayList<>();
    List<TypeDecl> types = new ArrayList<>();
    List<Protocol> protocols = new ArrayList<>();
    try {
      expectKeyword("module");
      name = qualifiedName();
      expect(TokenKind.SEMI);
    } catch (SyntaxError e) {
      recover();
    }
    Section section = Section.IMPORTS;
    while (!peek().is(TokenKind.EOF)) {
      Token first = peek();
      try {
        if (first.isKeyword("import")) {
          if (section != Section.IMPORTS) {
            error(first, "imports come right after the module declaration");
          }
          imports.add(importDecl());
        } else if (first.isKeyword("type") || first.isKeyword("data")) {
          if (section == Section.PROTOCOLS) {
            error(first, "type declarations come before the first protocol");
          }
          section = section == Section.PROTOCOLS ? section : Section.TYPES;
          types.add(typeDecl());
        } else if (first.isKeyword("sig")) {
          throw error(first, "sig declarations (message signature names) are not supported;"
              + " write each message as label(Payload)");
        } else if (first.isKeyword("global") || first.isKeyword("aux")
            || first.isKeyword("explicit") || first.isKeyword("local")) {
          section = Section.PROTOCOLS;
          protocols.add(protocol());
        } else {
          throw error(first, "expected 'import', 'type' or 'global protocol' but found "
              + first.describe());
        }
      } catch (SyntaxError e) {
        recover();
      }
    }
    return new Module(source, name, imports, types, protocols);
  }

  /**
   * Skips to the next top-level declaration: a declaration word outside any brackets (so
   * the {@code type} of {@code <type T>} or a name inside a body does not count).
   */
  private void recover() {
    int depth = 0;
    if (!peek().is(TokenKind.EOF)) {
      depth = nesting(depth, next());
    }
    while (!peek().is(TokenKind.EOF) && !(depth <= 0 && peek().is(TokenKind.IDENT)
        && DECLARATION_STARTS.contains(peek().text()))) {
      depth = nesting(depth, next());
    }
  }

  private static int nesting(int depth, Token token) {
    return switch (token.kind()) {
      case LBRACE, LANGLE -> depth + 1;
      case RBRACE, RANGLE -> Math.max(0, depth - 1);
      default -> depth;
    };
  }

  private Import importDecl() {
    expectKeyword("import");
    Token start = peek();
    Name module = new Name(qualifiedName(), start.position());
    Optional<Name> alias = Optional.empty();
    if (peek().isKeyword("as")) {
      index++;
      alias = Optional.of(identifier("a module alias"));
    }
    expect(TokenKind.SEMI);
    return new Import(module, alias);
  }

  private TypeDecl typeDecl() {
    index++;
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
    boolean aux = false;
    if (peek().isKeyword("aux")) {
      index++;
      aux = true;
    }
    if (peek().isKeyword("explicit")) {
      throw error(peek(), "explicit protocols (connect, disconnect, wrap) are not supported");
    }
    if (peek().isKeyword("local")) {
      throw error(peek(), "local protocols are not parsed; write the global protocol and"
          + " project it");
    }
    expectKeyword("global");
    expectKeyword("protocol");
    Name name = identifier("a protocol name");
    if (peek().is(TokenKind.LANGLE)) {
      throw error(peek(), "protocol parameters (<type T>, <sig M>) are not supported");
    }
    expect(TokenKind.LPAREN);
    List<RoleDecl> roles = new ArrayList<>();
    do {
      expectKeyword("role");
      roles.add(new RoleDecl(identifier("a role name")));
    } while (accept(TokenKind.COMMA));
    expect(TokenKind.RPAREN);
    return new Protocol(name, Optional.empty(), roles, block(), aux);
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
    if (first.isKeyword("do")) {
      return doCall();
    }
    if (first.isKeyword("connect") || first.isKeyword("disconnect") || first.isKeyword("wrap")) {
      throw error(first, first.text() + " is not supported (explicit connections)");
    }
    if (first.isKeyword("par") && peekAt(1).is(TokenKind.LBRACE)) {
      index++;
      List<List<Interaction>> branches = new ArrayList<>();
      branches.add(block());
      do {
        expectKeyword("and");
        branches.add(block());
      } while (peek().isKeyword("and"));
      return new Par(branches, first.position());
    }
    if (isName(first) && peekAt(1).isKeyword("initiates")) {
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

  private Do doCall() {
    Token first = next();
    Token start = peek();
    Name protocol = new Name(qualifiedName(), start.position());
    if (peek().is(TokenKind.LANGLE)) {
      throw error(peek(), "protocol arguments (<...>) are not supported");
    }
    expect(TokenKind.LPAREN);
    List<Name> roles = new ArrayList<>();
    do {
      roles.add(identifier("a role name"));
    } while (accept(TokenKind.COMMA));
    expect(TokenKind.RPAREN);
    expect(TokenKind.SEMI);
    return new Do(protocol, roles, first.position());
  }

  private Initiates initiates() {
    Name initiator = identifier("a role name");
    expectKeyword("initiates");
    Name protocol = identifier("a protocol name");
    expect(TokenKind.LPAREN);
    List<RoleArg> args = new ArrayList<>();
    do {
      boolean fresh = peek().isKeyword("new") && isName(peekAt(1));
      if (fresh) {
        index++;
      }
      args.add(new RoleArg(identifier("a role name"), fresh));
    } while (accept(TokenKind.COMMA));
    expect(TokenKind.RPAREN);
    List<Interaction> success = block();
    List<Handler> handlers = new ArrayList<>();
    while (startsHandler()) {
      index += 2;
      Name failure = identifier("a failure name");
      expect(TokenKind.RPAREN);
      handlers.add(new Handler(failure, block()));
    }
    return new Initiates(initiator, protocol, args, success, handlers);
  }

  /** {@code handle (F) {}: not a message {@code handle(T) from A to B;}. */
  private boolean startsHandler() {
    return peek().isKeyword("handle") && peekAt(1).is(TokenKind.LPAREN) && isName(peekAt(2))
        && peekAt(3).is(TokenKind.RPAREN) && peekAt(4).is(TokenKind.LBRACE);
  }

  /**
   * {@code op(T1, T2) from A to B;} where the operator may be empty ({@code () from A to B;})
   * and a payload element may be qualified ({@code a.b.T}).
   */
  private Message message() {
    Token first = peek();
    Name label;
    if (first.is(TokenKind.LPAREN)) {
      label = new Name("", first.position());
    } else {
      label = identifier("a message operator or a statement");
      if (peek().isKeyword("from")) {
        throw error(first, "message signature names are not supported; write "
            + first.text() + "(...) with its payload in brackets");
      }
    }
    expect(TokenKind.LPAREN);
    List<Name> payload = new ArrayList<>();
    if (!peek().is(TokenKind.RPAREN)) {
      do {
        Token start = peek();
        payload.add(new Name(qualifiedName(), start.position()));
        if (peek().is(TokenKind.AT)) {
          throw error(peek(), "delegation payloads (P@A) are not supported");
        }
      } while (accept(TokenKind.COMMA));
    }
    expect(TokenKind.RPAREN);
    expectKeyword("from");
    Name from = identifier("a role name");
    expectKeyword("to");
    Name to = identifier("a role name");
    if (peek().is(TokenKind.COMMA)) {
      throw error(peek(), "a message to several roles (multicast) is not supported;"
          + " write one message per receiver");
    }
    expect(TokenKind.SEMI);
    return new Message(label, payload, from, to);
  }

  private static boolean isName(Token token) {
    return token.is(TokenKind.IDENT) && !KEYWORDS.contains(token.text());
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
    if (!isName(token)) {
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
