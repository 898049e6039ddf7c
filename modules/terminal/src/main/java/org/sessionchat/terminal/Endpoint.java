package org.sessionchat.terminal;

import java.util.ArrayList;
import java.util.List;

/**
 * One node the client may connect to: a host and a TCP port.
 *
 * <p>Why a list of them: a client that knows every node of the cluster can move to another
 * one when its node dies, and keep the person's nick and room.
 */
public record Endpoint(String host, int port) {

  /** The host a bare port means: the nodes of a local cluster listen on loopback. */
  public static final String DEFAULT_HOST = "127.0.0.1";

  public Endpoint {
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("empty host");
    }
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
  }

  /**
   * Parses {@code 7001,7002,other:7003}: comma-separated entries, each {@code PORT} (on
   * {@code defaultHost}) or {@code HOST:PORT}.
   *
   * @throws IllegalArgumentException naming the entry that is not an endpoint
   */
  public static List<Endpoint> parseList(String text, String defaultHost) {
    List<Endpoint> endpoints = new ArrayList<>();
    for (String entry : text.split(",", -1)) {
      endpoints.add(parse(entry.trim(), defaultHost));
    }
    return List.copyOf(endpoints);
  }

  /** Parses one {@code PORT} (on {@code defaultHost}) or {@code HOST:PORT}. */
  public static Endpoint parse(String entry, String defaultHost) {
    int colon = entry.lastIndexOf(':');
    String host = colon < 0 ? defaultHost : entry.substring(0, colon);
    String port = colon < 0 ? entry : entry.substring(colon + 1);
    if (!port.matches("[0-9]{1,5}")) {
      throw new IllegalArgumentException("not a port or host:port: '" + entry + "'");
    }
    try {
      return new Endpoint(host, Integer.parseInt(port));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not a port or host:port: '" + entry + "' (" + e.getMessage() + ")");
    }
  }

  @Override
  public String toString() {
    return host + ":" + port;
  }
}
