package org.sessionchat.chat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.shareddata.AsyncMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.sessionchat.session.ActorRef;

/**
 * The names of the cluster's nodes ({@code --node-name}) by Vert.x node id, for log lines:
 * an operator reads {@code node2}, not {@code b8ac97f3-…}.
 *
 * <p>Why a cluster map and a local copy: each node writes its own name into
 * {@value #MAP_NAME} when it starts; every node keeps what it read, and keeps it after a
 * node left, because the line that says a node left is exactly the one that needs its
 * name. A name not known yet is looked up in the background and the id's first eight
 * characters stand in for it meanwhile. Thread-safe.
 */
public final class NodeNames {

  /** The shared map: node id to node name. */
  public static final String MAP_NAME = "sessionchat.node-names";
  private static final long REFRESH_MILLIS = 5_000;

  private final Map<String, String> known = new ConcurrentHashMap<>();
  private final AsyncMap<String, String> shared;
  private Vertx vertx;
  private long timer = -1;

  private NodeNames(AsyncMap<String, String> shared) {
    this.shared = shared;
  }

  /** Names without a cluster map: only those {@link #publish}ed here. */
  public static NodeNames local() {
    return new NodeNames(null);
  }

  /** Opens the shared map and reads it now and every few seconds (names of nodes that joined later). */
  public static Future<NodeNames> open(Vertx vertx) {
    return vertx.sharedData().<String, String>getAsyncMap(MAP_NAME).map(map -> {
      NodeNames names = new NodeNames(map);
      names.refresh();
      names.vertx = vertx;
      names.timer = vertx.setPeriodic(REFRESH_MILLIS, tick -> names.refresh());
      return names;
    });
  }

  /** Records {@code name} as the name of node {@code nodeId} (this node's own, at start-up). */
  public Future<Void> publish(String nodeId, String name) {
    known.put(nodeId, name);
    return shared == null ? Future.succeededFuture() : shared.put(nodeId, name);
  }

  /** Forgets node {@code nodeId} in the shared map (it left); the name stays known here. */
  public void departed(String nodeId) {
    if (shared != null) {
      shared.remove(nodeId);
    }
  }

  /** The name of node {@code nodeId}, or the first eight characters of its id while unknown. */
  public String of(String nodeId) {
    String name = known.get(nodeId);
    if (name != null) {
      return name;
    }
    if (shared != null) {
      shared.get(nodeId).onSuccess(found -> {
        if (found != null) {
          known.put(nodeId, found);
        }
      });
    }
    return nodeId.length() > 8 ? nodeId.substring(0, 8) : nodeId;
  }

  /** An actor as an operator wants to read it: {@code chatclient-3@node2}. */
  public String of(ActorRef ref) {
    return ref == null ? "-" : ref.actorId() + "@" + of(ref.nodeId());
  }

  /** Stops reading the shared map. */
  public void close() {
    if (vertx != null) {
      vertx.cancelTimer(timer);
    }
  }

  private void refresh() {
    shared.entries().onSuccess(known::putAll);
  }
}
