package org.sessionchat.chat.net;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetServerOptions;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client port, served by a {@link TcpServerVerticle} on each of the node's event loops:
 * Vert.x binds the port once and hands the connections it accepts to the servers in turn,
 * each on its own event loop.
 *
 * <p>Why: a connection's handlers run on the event loop of the server that accepted it, and
 * its client actor is placed on that same loop. With one server, one loop did the socket work
 * of every client and the lines of every actor elsewhere crossed threads to reach their socket;
 * with a server per loop the sockets are spread over the loops and each actor's lines stay on
 * one thread. What is node-wide stays shared by all servers: the admission counts
 * ({@code ConnectionLimits}) and the limit counters. What each server keeps is its own: its
 * connections, its idle-connection timer, its table of chat lines already encoded.
 */
public final class TcpListener {

  private static final Logger log = LoggerFactory.getLogger(TcpListener.class);
  /** Vert.x shares a random port among the servers listening on the same negative port number. */
  private static final AtomicInteger RANDOM_PORT_GROUPS = new AtomicInteger();

  private final List<TcpServerVerticle> servers = new CopyOnWriteArrayList<>();
  private volatile String deploymentId;

  private TcpListener() {
  }

  /**
   * Deploys {@code count} servers listening on {@code options}' port (0: one ephemeral port for
   * all of them); {@code server} makes each from the options it is to listen with.
   */
  public static Future<TcpListener> start(Vertx vertx, int count, NetServerOptions options,
      Function<NetServerOptions, TcpServerVerticle> server) {
    if (count < 1) {
      throw new IllegalArgumentException("a listener needs at least one server, not " + count);
    }
    NetServerOptions shared = new NetServerOptions(options);
    if (shared.getPort() == 0) {
      shared.setPort(-(RANDOM_PORT_GROUPS.getAndIncrement() % 65_535 + 1));
    }
    TcpListener listener = new TcpListener();
    return vertx.deployVerticle(() -> listener.add(server.apply(new NetServerOptions(shared))),
            new DeploymentOptions().setInstances(count))
        .map(id -> {
          listener.deploymentId = id;
          log.info("Listening for {} clients on {}:{}{}, on {} event loops", listener.servers.get(0).wireName(),
              options.getHost(), listener.actualPort(), options.isSsl() ? " (TLS)" : "", count);
          return listener;
        });
  }

  private TcpServerVerticle add(TcpServerVerticle server) {
    servers.add(server);
    return server;
  }

  /** The port bound, once started. */
  public int actualPort() {
    return servers.get(0).actualPort();
  }

  /** The deployment of all the servers: undeploying it stops them and the client actors spawned from them. */
  public String deploymentId() {
    return deploymentId;
  }

  /** Stops accepting; every connection, on every event loop, says {@code BYE} and closes. */
  public Future<Void> shutdownConnections() {
    return Future.join(servers.stream().map(TcpServerVerticle::shutdownConnections).toList()).mapEmpty();
  }
}
