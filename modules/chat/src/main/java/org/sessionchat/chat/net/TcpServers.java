package org.sessionchat.chat.net;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's client port, served by several {@link TcpServerVerticle} instances.
 *
 * <p>Why several: Vert.x shares one listening socket between instances bound to the same
 * host and port and hands each new connection to the next instance in turn, so client
 * actors (which run on the context that accepted their connection) spread over that many
 * event loops instead of queueing on one. For port 0 they listen on port -1, which Vert.x
 * reads as "one ephemeral port shared by every server asking for -1".
 */
public final class TcpServers {

  private static final Logger log = LoggerFactory.getLogger(TcpServers.class);

  private final Vertx vertx;
  private final int port;
  private final AtomicInteger connections;
  private final String deploymentId;

  private TcpServers(Vertx vertx, int port, AtomicInteger connections, String deploymentId) {
    this.vertx = vertx;
    this.port = port;
    this.connections = connections;
    this.deploymentId = deploymentId;
  }

  /**
   * @param instances how many verticles accept connections (at least 1)
   * @param onConnect called on the accepting verticle's context for each new connection
   */
  public static Future<TcpServers> deploy(Vertx vertx, String host, int port, int maxLineLength, int instances,
      Consumer<LineConnection> onConnect) {
    AtomicInteger connections = new AtomicInteger();
    List<TcpServerVerticle> servers = new CopyOnWriteArrayList<>();
    // Vert.x gives each server on port 0 its own ephemeral port; a negative port is shared
    int listenPort = port == 0 ? -1 : port;
    Supplier<TcpServerVerticle> factory = () -> {
      TcpServerVerticle server = new TcpServerVerticle(host, listenPort, maxLineLength, connections, onConnect);
      servers.add(server);
      return server;
    };
    return vertx.deployVerticle(factory, new DeploymentOptions().setInstances(Math.max(1, instances)))
        .compose(id -> {
          Set<Integer> ports = servers.stream().map(TcpServerVerticle::actualPort).collect(Collectors.toSet());
          if (ports.size() != 1) { // Vert.x did not share the socket: never serve half the acceptors
            return vertx.undeploy(id).transform(undeployed -> Future.failedFuture(
                new IllegalStateException("acceptors listen on different ports " + ports)));
          }
          return Future.succeededFuture(new TcpServers(vertx, ports.iterator().next(), connections, id));
        })
        .onSuccess(deployed -> log.info("Listening for chat clients on {}:{} ({} acceptors)",
            host, deployed.port(), servers.size()));
  }

  /** The TCP port clients connect to. */
  public int port() {
    return port;
  }

  /** Connections open right now; safe to read from any thread. */
  public int connectionCount() {
    return connections.get();
  }

  /** Stops accepting; every connection gets {@code BYE} and is closed. */
  public Future<Void> close() {
    return vertx.undeploy(deploymentId);
  }
}
