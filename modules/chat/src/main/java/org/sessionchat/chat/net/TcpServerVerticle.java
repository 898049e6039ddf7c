package org.sessionchat.chat.net;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.sessionchat.chat.wire.Replies;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listens for chat clients and hands each new connection, as a paused
 * {@link LineConnection}, to whoever serves it (the node spawns a client actor).
 *
 * <p>Why a verticle: undeploying it is the node's orderly shutdown of the TCP side: stop
 * accepting, say {@code BYE} to every client, close their sockets.
 */
public final class TcpServerVerticle extends VerticleBase {

  private static final Logger log = LoggerFactory.getLogger(TcpServerVerticle.class);
  private static final long SHUTDOWN_GRACE_SECONDS = 2;

  private final String host;
  private final int port;
  private final int maxLineLength;
  private final Consumer<LineConnection> onConnect;
  private final AtomicInteger connectionCount = new AtomicInteger();
  private NetServer server;

  /**
   * @param port          the TCP port, 0 for an ephemeral one (see {@link #actualPort()})
   * @param maxLineLength the longest client line accepted, in bytes
   * @param onConnect     called on this verticle's context for each new connection
   */
  public TcpServerVerticle(String host, int port, int maxLineLength, Consumer<LineConnection> onConnect) {
    this.host = host;
    this.port = port;
    this.maxLineLength = maxLineLength;
    this.onConnect = onConnect;
  }

  @Override
  public Future<?> start() {
    server = vertx.createNetServer(new NetServerOptions().setHost(host).setPort(port).setTcpNoDelay(true));
    server.connectHandler(socket -> {
      socket.pause();
      LineConnection connection = new LineConnection(socket, maxLineLength);
      connectionCount.incrementAndGet();
      connection.onServerShutdown(() -> {
        connection.send(Replies.BYE);
        connection.close();
      });
      connection.onClose(connectionCount::decrementAndGet);
      onConnect.accept(connection);
    });
    return server.listen().onSuccess(s -> log.info("Listening for chat clients on {}:{}", host, s.actualPort()));
  }

  /** Stops accepting; each connection says {@code BYE} and closes (forced after a grace period). */
  @Override
  public Future<?> stop() {
    return server.shutdown(SHUTDOWN_GRACE_SECONDS, TimeUnit.SECONDS);
  }

  /** The port actually bound, once started. */
  public int actualPort() {
    return server.actualPort();
  }

  /** Connections open right now; safe to read from any thread. */
  public int connectionCount() {
    return connectionCount.get();
  }
}
