package org.sessionchat.session.impl;

import io.vertx.core.Context;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.spi.cluster.ClusterManager;
import io.vertx.core.spi.cluster.NodeInfo;
import java.util.HashMap;
import java.util.Map;
import org.sessionchat.session.security.NodeCredentials;

/**
 * One {@link PeerLink} per other cluster member: this node's own, early word that a peer's
 * process is gone, ahead of the member list.
 *
 * <p>Why each node watches for itself: in Hazelcast only the master removes a member; the
 * others wait for its new member list, which on ten busy nodes came up to three seconds after
 * the kill. Each node's own connection to the dead process closes at once.
 *
 * <p>The links speak TLS with the node's cluster certificate when it has one, as the event
 * bus itself does (a plain connection to a TLS event bus would be dropped by the peer after
 * its handshake timeout). Membership changes may come from any thread; every link runs on
 * the context this was made on.
 */
final class PeerLiveness implements AutoCloseable {

  private static final int CONNECT_TIMEOUT_MS = 5_000;

  private final Vertx vertx;
  private final Context context;
  private final PeerLink.Locator locator;
  private final NetClient client;
  private final PeerLink.GoneListener listener;
  private final Map<String, PeerLink> links = new HashMap<>();
  private boolean closed;

  PeerLiveness(Vertx vertx, Context context, ClusterManager clusterManager, NodeCredentials credentials,
      PeerLink.GoneListener listener) {
    this.vertx = vertx;
    this.context = context;
    this.locator = nodeId -> {
      Promise<NodeInfo> lookup = Promise.promise();
      clusterManager.getNodeInfo(nodeId, lookup);
      return lookup.future();
    };
    this.listener = listener;
    NetClientOptions options = new NetClientOptions()
        .setConnectTimeout(CONNECT_TIMEOUT_MS)
        .setReconnectAttempts(0)
        .setTcpNoDelay(true);
    this.client = vertx.createNetClient(credentials == null ? options : credentials.applyTo(options));
  }

  /** {@code nodeId} is a member: link to it (again, after a merge). */
  void watch(String nodeId) {
    context.runOnContext(v -> {
      if (closed) {
        return;
      }
      PeerLink old = links.remove(nodeId);
      if (old != null) {
        old.stop();
      }
      PeerLink link = new PeerLink(vertx, locator, client, nodeId, (gone, address) -> {
        links.remove(gone);
        listener.gone(gone, address);
      });
      links.put(nodeId, link);
      link.start();
    });
  }

  /** {@code nodeId} left the member list: no more link to it. */
  void forget(String nodeId) {
    context.runOnContext(v -> {
      PeerLink link = links.remove(nodeId);
      if (link != null) {
        link.stop();
      }
    });
  }

  @Override
  public void close() {
    context.runOnContext(v -> {
      closed = true;
      links.values().forEach(PeerLink::stop);
      links.clear();
      client.close();
    });
  }
}
