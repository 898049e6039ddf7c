package org.sessionchat.session;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
 * @param memberAttributes attributes this member announces to the others when it joins (e.g.
 *                     its certificate, for sender binding); Hazelcast fixes them at start-up
 */
public record ClusterOptions(String clusterName, String host, int port, List<String> members, Path hazelcastXml,
    Map<String, String> memberAttributes) {

  public ClusterOptions {
    Objects.requireNonNull(clusterName, "clusterName");
    Objects.requireNonNull(host, "host");
    members = List.copyOf(members);
    memberAttributes = Map.copyOf(memberAttributes);
  }

  /** Options without member attributes. */
  public ClusterOptions(String clusterName, String host, int port, List<String> members, Path hazelcastXml) {
    this(clusterName, host, port, members, hazelcastXml, Map.of());
  }

  /** These options with {@code attributes} added to the member attributes. */
  public ClusterOptions withMemberAttributes(Map<String, String> attributes) {
    Map<String, String> all = new java.util.HashMap<>(memberAttributes);
    all.putAll(attributes);
    return new ClusterOptions(clusterName, host, port, members, hazelcastXml, all);
  }

  /** Loopback defaults: {@code 127.0.0.1}, built-in configuration. */
  public static ClusterOptions loopback(String clusterName, int port, List<String> members) {
    return new ClusterOptions(clusterName, "127.0.0.1", port, members, null);
  }
}
