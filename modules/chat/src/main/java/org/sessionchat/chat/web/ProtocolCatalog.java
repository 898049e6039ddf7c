package org.sessionchat.chat.web;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.sessionchat.scribble.ProtocolLibrary;
import org.sessionchat.scribble.fsm.LocalFsm;
import org.sessionchat.scribble.fsm.State;
import org.sessionchat.scribble.print.FsmDotPrinter;
import org.sessionchat.scribble.print.FsmTextPrinter;
import org.sessionchat.scribble.print.ScribblePrinter;

/**
 * Every protocol the node's monitors enforce, as the web console shows it: the global
 * protocol, and for each role its local projection, its FSM as text and as Graphviz DOT
 * (the toolkit's own printers), and which nested FSM each state belongs to.
 *
 * <p>Why built once: the protocols are fixed for the life of the node, so the JSON is
 * printed at start-up and every request gets the same bytes.
 */
public final class ProtocolCatalog {

  private final JsonObject json;

  private ProtocolCatalog(JsonObject json) {
    this.json = json;
  }

  /** The catalogue of {@code library}, protocols and roles in name and declaration order. */
  public static ProtocolCatalog of(ProtocolLibrary library) {
    JsonArray protocols = new JsonArray();
    for (String protocol : library.protocolNames().stream().sorted().toList()) {
      JsonArray roles = new JsonArray();
      for (String role : library.roles(protocol)) {
        roles.add(role(library, protocol, role));
      }
      protocols.add(new JsonObject()
          .put("name", protocol)
          .put("module", library.moduleOf(protocol).name())
          .put("global", ScribblePrinter.print(library.globalProtocol(protocol)))
          .put("roles", roles));
    }
    return new ProtocolCatalog(new JsonObject().put("protocols", protocols));
  }

  private static JsonObject role(ProtocolLibrary library, String protocol, String role) {
    LocalFsm fsm = library.fsm(protocol, role);
    return new JsonObject()
        .put("role", role)
        .put("local", ScribblePrinter.print(library.localProtocol(protocol, role)))
        .put("fsm", FsmTextPrinter.print(fsm))
        .put("dot", FsmDotPrinter.print(fsm))
        .put("initial", fsm.state(fsm.initial()).name())
        .put("states", states(fsm.states()));
  }

  private static JsonArray states(List<State> states) {
    JsonArray out = new JsonArray();
    for (State state : states) {
      out.add(new JsonObject()
          .put("name", state.name())
          .put("kind", state.kind().name())
          .put("nested", !state.region().isTop())
          .put("terminal", state.isTerminal()));
    }
    return out;
  }

  /** The catalogue as JSON: {@code {"protocols":[{"name","module","global","roles":[...]}]}}. */
  public JsonObject json() {
    return json;
  }
}
