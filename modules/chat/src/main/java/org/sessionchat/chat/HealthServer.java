package org.sessionchat.chat;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code GET /health} on a small HTTP server: 200 with the node's figures once it serves
 * chat clients and, when clustered, is a member of its cluster; 503 while it starts or
 * stops, or when it has lost its cluster ({@code "status":"NOT_IN_CLUSTER"}).
 *
 * <p>Why: scripts and the benchmark wait for a node and read the cluster size without
 * speaking the chat protocol.
 */
public final class HealthServer {

  private final String nodeName;
  private final HttpServer server;
  private final Map<String, Handler<HttpServerRequest>> routes = new ConcurrentHashMap<>();
  private volatile ChatServerNode node;

  private HealthServer(String nodeName, HttpServer server) {
    this.nodeName = nodeName;
    this.server = server;
  }

  /** Starts answering 503 at once; {@link #serving} switches to 200. */
  public static Future<HealthServer> start(Vertx vertx, String host, int port, String nodeName) {
    HttpServer http = vertx.createHttpServer();
    HealthServer health = new HealthServer(nodeName, http);
    http.requestHandler(health::handle);
    return http.listen(port, host).map(bound -> health);
  }

  /** {@code node} serves clients now; null when it is stopping. */
  public void serving(ChatServerNode node) {
    this.node = node;
  }

  /** Serves {@code path} with {@code handler} too (e.g. {@code /metrics}). */
  public HealthServer route(String path, Handler<HttpServerRequest> handler) {
    routes.put(path, handler);
    return this;
  }

  public int port() {
    return server.actualPort();
  }

  public Future<Void> close() {
    return server.close();
  }

  private void handle(HttpServerRequest request) {
    if (!"/health".equals(request.path())) {
      routes.getOrDefault(request.path(), other -> other.response().setStatusCode(404).end()).handle(request);
      return;
    }
    ChatServerNode current = node;
    boolean up = current != null && current.inCluster();
    JsonObject body = current == null
        ? new JsonObject().put("status", "DOWN").put("node", nodeName)
        : new JsonObject()
            .put("status", up ? "UP" : "NOT_IN_CLUSTER")
            .put("node", current.nodeName())
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
