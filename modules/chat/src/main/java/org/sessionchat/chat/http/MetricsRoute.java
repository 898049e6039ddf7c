package org.sessionchat.chat.http;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import org.sessionchat.chat.metrics.NodeMetrics;

/**
 * {@code GET /metrics}: the node's {@link NodeMetrics} in the Prometheus text format.
 *
 * <p>Why a handler of its own: the HTTP server of the node is a tiny router (health,
 * metrics); each route is one small class.
 */
public final class MetricsRoute implements Handler<HttpServerRequest> {

  /** The path Prometheus scrapes. */
  public static final String PATH = "/metrics";

  private static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final NodeMetrics metrics;

  public MetricsRoute(NodeMetrics metrics) {
    this.metrics = metrics;
  }

  @Override
  public void handle(HttpServerRequest request) {
    if (request.method() != HttpMethod.GET) {
      request.response().setStatusCode(405).putHeader("allow", "GET").end();
      return;
    }
    request.response().putHeader("content-type", CONTENT_TYPE).end(metrics.scrape());
  }
}
