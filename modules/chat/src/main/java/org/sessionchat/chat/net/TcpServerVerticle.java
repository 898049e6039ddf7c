package org.sessionchat.chat.net;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.sessionchat.chat.actor.ClientTransport;
import org.sessionchat.chat.limits.ConnectionGuard;
import org.sessionchat.chat.limits.ConnectionLimits;
import org.sessionchat.chat.limits.Disconnect;
import org.sessionchat.chat.limits.LimitCounters;
import org.sessionchat.chat.limits.Limits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listens for chat clients on one event loop and hands each new connection, as a paused
 * {@link LineConnection}, to whoever serves it (the node spawns a client actor). A
 * {@link TcpListener} runs one on every event loop, all on the same port.
 *
 * <p>Why a verticle: undeploying it is the node's orderly shutdown of the TCP side: stop
 * accepting, say {@code BYE} to every client, close their sockets. It also applies the
 * node's connection {@link Limits}: admission per node and per address, and one timer that
 * closes idle connections.
 */
public final class TcpServerVerticle extends VerticleBase {

  private static final Logger log = LoggerFactory.getLogger(TcpServerVerticle.class);
  private static final long SHUTDOWN_GRACE_SECONDS = 2;

  private final NetServerOptions options;
  private final int maxLineLength;
  private final Limits limits;
  private final LimitCounters counters;
  private final Consumer<LineConnection> onConnect;
  private final Function<String, WireFormat> formats;
  private final ConnectionLimits admission;
  private final Set<LineConnection> connections = new LinkedHashSet<>();
  private NetServer server;

  /**
   * @param port          the TCP port, 0 for an ephemeral one (see {@link #actualPort()})
   * @param maxLineLength the longest client line accepted, in bytes
   * @param onConnect     called on this verticle's context for each new connection
   */
  public TcpServerVerticle(String host, int port, int maxLineLength, Consumer<LineConnection> onConnect) {
    this(serverOptions(host, port), maxLineLength, Limits.NONE, new LimitCounters(), onConnect);
  }

  /**
   * @param options  where to listen, and TLS if wanted (see {@link #serverOptions})
   * @param limits   what each connection and the node as a whole allow
   * @param counters where the limits count what they refused
   */
  public TcpServerVerticle(NetServerOptions options, int maxLineLength, Limits limits, LimitCounters counters,
      Consumer<LineConnection> onConnect) {
    this(options, maxLineLength, limits, counters, new ConnectionLimits(limits, counters), host -> LineWire.INSTANCE,
        onConnect);
  }

  /**
   * A listener for another wire format, e.g. IRC.
   *
   * @param admission the node's connection counts, shared by all its listeners
   * @param formats   a new {@link WireFormat} for each connection, given the client's address
   */
  public TcpServerVerticle(NetServerOptions options, int maxLineLength, Limits limits, LimitCounters counters,
      ConnectionLimits admission, Function<String, WireFormat> formats, Consumer<LineConnection> onConnect) {
    this.admission = admission;
    this.formats = formats;
    this.options = options;
    this.maxLineLength = maxLineLength;
    this.limits = limits;
    this.counters = counters;
    this.onConnect = onConnect;
  }

  @Override
  public Future<?> start() {
    server = vertx.createNetServer(options);
    BroadcastLines broadcastLines = new BroadcastLines(); // this context's connections write chat lines here
    server.connectHandler(socket -> {
      socket.pause();
      String address = socket.remoteAddress().hostAddress();
      Optional<Disconnect> refused = admission.admit(address);
      if (refused.isPresent()) {
        // DEBUG: a connection flood must not flood the log too; sessionchat_disconnects_total counts them
        log.debug("Refused a connection from {}: {}", address, refused.get().why());
        WireFormat format = formats.apply(address);
        socket.end(Buffer.buffer(format.lastLine(refused.get()) + format.lineEnd()));
        return;
      }
      LineConnection connection = new LineConnection(socket, maxLineLength, new ConnectionGuard(limits, counters),
          broadcastLines, formats.apply(address));
      connections.add(connection);
      connection.onServerShutdown(() -> connection.close(ClientTransport.CloseReason.NODE_SHUTDOWN));
      connection.onClose(() -> {
        connections.remove(connection);
        admission.release(address);
      });
      onConnect.accept(connection);
    });
    if (!limits.idleTimeout().isZero()) {
      long period = Math.max(100, Math.min(10_000, limits.idleTimeout().toMillis() / 10));
      vertx.setPeriodic(period, timer -> closeIdleConnections());
    }
    return server.listen();
  }

  /** What clients speak here, for log lines: {@code chat} or {@code IRC}. */
  String wireName() {
    return formats.apply("") instanceof LineWire ? "chat" : "IRC";
  }

  /** Plain TCP on {@code host:port} (0 = ephemeral), without Nagle's delay: lines go out at once. */
  public static NetServerOptions serverOptions(String host, int port) {
    return new NetServerOptions().setHost(host).setPort(port).setTcpNoDelay(true);
  }

  /** Stops accepting; each connection says {@code BYE} and closes (forced after a grace period). */
  public Future<Void> shutdownConnections() {
    return server.shutdown(SHUTDOWN_GRACE_SECONDS, TimeUnit.SECONDS);
  }

  @Override
  public Future<?> stop() {
    return shutdownConnections();
  }

  private void closeIdleConnections() {
    long now = System.nanoTime();
    for (LineConnection connection : new ArrayList<>(connections)) {
      connection.closeIfIdle(now);
    }
  }

  /** The port actually bound (shared by the servers of one {@link TcpListener}), once started. */
  public int actualPort() {
    return server.actualPort();
  }
}
