package org.sessionchat.chat;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;

/**
 * The node's HTTP server: {@code GET /health} answers 200 with the node's figures once it
 * serves chat clients and, when clustered, is a member of its cluster; 503 while it starts
 * or stops, or when it has lost its cluster ({@code "status":"NOT_IN_CLUSTER"}). Other
 * routes ({@code /metrics}, the web console) are added to its {@link #router()}.
 *
 * <p>Why: scripts and the benchmark wait for a node and read the cluster size without
 * speaking the chat protocol; one port per node carries everything an operator looks at.
 */
public final class HealthServer {

  private final String nodeName;
  private final HttpServer server;
  private final Router router;
  private volatile ChatServerNode node;

  private HealthServer(String nodeName, HttpServer server, Router router) {
    this.nodeName = nodeName;
    this.server = server;
    this.router = router;
  }

  /** Starts answering 503 at once; {@link #serving} switches to 200. */
  public static Future<HealthServer> start(Vertx vertx, String host, int port, String nodeName) {
    Router router = Router.router(vertx);
    HttpServer http = vertx.createHttpServer();
    HealthServer health = new HealthServer(nodeName, http, router);
    router.route("/health").handler(context -> health.health(context.request()));
    http.requestHandler(router);
    return http.listen(port, host).map(bound -> health);
  }

  /** {@code node} serves clients now; null when it is stopping. */
  public void serving(ChatServerNode node) {
    this.node = node;
  }

  /** Serves {@code path} with {@code handler} too (e.g. {@code /metrics}). */
  public HealthServer route(String path, Handler<HttpServerRequest> handler) {
    router.route(path).handler(context -> handler.handle(context.request()));
    return this;
  }

  /** The router behind the server, for routes with more to them than one handler. */
  public Router router() {
    return router;
  }

  public int port() {
    return server.actualPort();
  }

  public Future<Void> close() {
    return server.close();
  }

  private void health(HttpServerRequest request) {
    ChatServerNode current = node;
    boolean up = current != null && current.inCluster();
    JsonObject body = current == null
        ? new JsonObject().put("status", "DOWN").put("node", nodeName)
        : new JsonObject()
            .put("status", up ? "UP" : "NOT_IN_CLUSTER")
            .put("node", current.nodeName())
            .put("nodeId", current.runtime().nodeId())
            .put("members", new io.vertx.core.json.JsonArray(current.clusterMembers().stream()
                .map(id -> current.nodeNames().of(id)).sorted().toList()))
            .put("port", current.port())
            .put("clustered", current.runtime().isClustered())
            .put("clusterSize", current.clusterMembers().size())
            .put("connections", current.connectionCount())
            .put("rooms", current.roomManager().hostedRoomCount());
    request.response()
        .setStatusCode(up ? 200 : 503)
        .putHeader("content-type", "application/json")
        .end(body.encode());
  }
}
