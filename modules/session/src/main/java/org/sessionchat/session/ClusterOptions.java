package org.sessionchat.session;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Where this node joins a Hazelcast cluster.
 *
 * @param clusterName  only members with the same name form a cluster (tests use a UUID)
 * @param host         the interface Hazelcast binds to and announces, e.g. {@code 127.0.0.1}
 * @param port         the first port to try; Hazelcast moves up if it is taken
 * @param members      {@code host:port} of the members to join, listed one by one
 * @param hazelcastXml a Hazelcast XML to start from instead of vertx-hazelcast's built-in
 *                     configuration; may be null
 */
public record ClusterOptions(String clusterName, String host, int port, List<String> members, Path hazelcastXml) {

  public ClusterOptions {
    Objects.requireNonNull(clusterName, "clusterName");
    Objects.requireNonNull(host, "host");
    members = List.copyOf(members);
  }

  /** Loopback defaults: {@code 127.0.0.1}, built-in configuration. */
  public static ClusterOptions loopback(String clusterName, int port, List<String> members) {
    return new ClusterOptions(clusterName, "127.0.0.1", port, members, null);
  }
}
