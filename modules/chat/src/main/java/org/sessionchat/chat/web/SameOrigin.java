package org.sessionchat.chat.web;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import java.net.URI;

/**
 * Refuses a WebSocket that a page from another site opened: browsers send such a request
 * with that site's {@code Origin}, and a console on loopback would otherwise let any web
 * page the operator visits chat or watch through it.
 *
 * <p>Why allow a missing {@code Origin}: programs that are not browsers (tests, tools) do
 * not send one, and they could send any value anyway; the check protects browsers only.
 */
final class SameOrigin {

  private SameOrigin() {
  }

  /** True if {@code request} has no {@code Origin} or one naming the host and port it was sent to. */
  static boolean allows(HttpServerRequest request) {
    String origin = request.getHeader(HttpHeaders.ORIGIN);
    if (origin == null) {
      return true;
    }
    String host = request.getHeader(HttpHeaders.HOST);
    try {
      URI uri = URI.create(origin);
      String authority = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
      return host != null && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          && authority.equalsIgnoreCase(host);
    } catch (IllegalArgumentException malformed) {
      return false;
    }
  }
}
