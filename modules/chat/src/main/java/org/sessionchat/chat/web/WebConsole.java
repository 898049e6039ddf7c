package org.sessionchat.chat.web;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;
import org.sessionchat.chat.ChatServerNode;
import org.sessionchat.scribble.ProtocolLibrary;

/**
 * The node's web console on its HTTP port: a page ({@code /}) with a chat client, a live
 * view of this node's sessions and their FSMs, and the protocols' FSMs; all of it served
 * from the jar (pages, and Graphviz as JavaScript from the viz.js web jar), so it works
 * with no internet.
 *
 * <p>Routes: {@code /} the page, {@code /vendor/viz.js/*} Graphviz, {@code /api/protocols}
 * the {@link ProtocolCatalog}, {@code /api/node} this node, {@code /ws/view} the live view
 * ({@link ViewHub}), {@code /ws/chat} a chat client ({@link ChatSocket}).
 *
 * <p>Why on the health port: an operator already has it open per node, and it stays off
 * the chat port, so turning the console off ({@code --no-console}) or keeping it on
 * loopback ({@code --http-host}) changes nothing for chat clients.
 */
public final class WebConsole {

  /** The class-path folder of the page's own files. */
  static final String ASSETS = "sessionchat-console";
  /** The web jar that draws the FSMs. */
  static final String GRAPHVIZ = "viz.js";

  private final ViewHub hub;
  private final NodeDirectory directory;
  private final ChatSockets chats;

  private WebConsole(ViewHub hub, NodeDirectory directory, ChatSockets chats) {
    this.hub = hub;
    this.directory = directory;
    this.chats = chats;
  }

  /**
   * Adds the console's routes to {@code router}, which serves on {@code httpPort}.
   *
   * @param monitorEnabled shown on the page: with the monitor off nothing is refused
   */
  public static Future<WebConsole> mount(Vertx vertx, Router router, ChatServerNode node, ProtocolLibrary protocols,
      boolean monitorEnabled, int httpPort) {
    return NodeDirectory.start(vertx, node, httpPort).map(directory -> {
      NodeView view = new NodeView();
      node.runtime().onNodeLeft(view::nodeLeft);
      JsonObject nodeInfo = new JsonObject().put("name", node.nodeName()).put("nodeId", node.runtime().nodeId())
          .put("clustered", node.runtime().isClustered()).put("monitor", monitorEnabled).put("chatPort", node.port());
      ViewHub hub = new ViewHub(vertx, view, new RuntimeWatch(node.runtime(), view), directory,
          node.runtime().nodeId(), nodeInfo, node.clientDirectory()::nick);
      ChatSockets chats = new ChatSockets(vertx, node);
      String catalog = ProtocolCatalog.of(protocols).json().encode();
      router.get("/api/protocols").handler(context -> context.response()
          .putHeader("content-type", "application/json").end(catalog));
      router.get("/api/node").handler(context -> context.response()
          .putHeader("content-type", "application/json").end(nodeInfo.encode()));
      router.route("/ws/view").handler(webSocket(hub::accept));
      router.route("/ws/chat").handler(webSocket(chats::accept));
      WebJar graphviz = WebJar.npm(GRAPHVIZ);
      router.get("/vendor/" + GRAPHVIZ + "/*").handler(StaticHandler.create(graphviz.resourceRoot())
          .setMaxAgeSeconds(86_400));
      router.get("/*").handler(StaticHandler.create(ASSETS).setCachingEnabled(false));
      return new WebConsole(hub, directory, chats);
    });
  }

  /** Upgrades same-origin requests to a WebSocket handed to {@code accept}; others get 403. */
  private static Handler<RoutingContext> webSocket(Handler<ServerWebSocket> accept) {
    return context -> {
      if (!SameOrigin.allows(context.request())) {
        context.response().setStatusCode(403).end();
        return;
      }
      context.request().toWebSocket().onSuccess(accept)
          .onFailure(e -> context.response().setStatusCode(400).end());
    };
  }

  /** Chat clients connected through the console right now. */
  public int chatConnections() {
    return chats.count();
  }

  /** Says {@code BYE} to the console's chat clients, closes the pages' sockets, leaves the directory. */
  public Future<Void> close() {
    chats.close();
    hub.close();
    return directory.close();
  }
}
