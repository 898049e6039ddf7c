package org.sessionchat.chat.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.vertx.core.Context;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.internal.net.NetSocketInternal;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.sessionchat.session.testkit.ClusteredVertxNodes;
import org.sessionchat.session.testkit.FreePorts;

/**
 * Real TCP clients of {@link LineConnection}s on one server socket context, with every message
 * the connections hand their Netty channels recorded: the fixture of the write-path tests.
 *
 * <p>Why record at the channel: what these tests check is how many writes a turn makes and
 * which buffers they carry, which the bytes a client reads cannot tell.
 */
final class ConnectedClients implements AutoCloseable {

  private final Vertx vertx = Vertx.vertx();
  private final List<LineConnection> connections = new CopyOnWriteArrayList<>();
  private final List<Object> written = new CopyOnWriteArrayList<>();
  private final List<ByteBuf> writtenBytes = new CopyOnWriteArrayList<>();
  private final AtomicInteger directWrites = new AtomicInteger();
  private final List<StringBuilder> received = new ArrayList<>();
  private volatile Context socketContext;

  private ConnectedClients() {
  }

  /** {@code clients} clients, each accepted socket made a connection by {@code connection}. */
  static ConnectedClients open(int clients, Function<NetSocket, LineConnection> connection) {
    ConnectedClients fixture = new ConnectedClients();
    try {
      fixture.connect(clients, connection);
      return fixture;
    } catch (RuntimeException | AssertionError e) {
      fixture.close();
      throw e;
    }
  }

  private void connect(int clients, Function<NetSocket, LineConnection> connection) {
    NetServer server = vertx.createNetServer().connectHandler(socket -> {
      ((NetSocketInternal) socket).channelHandlerContext().pipeline().addFirst(new ChannelOutboundHandlerAdapter() {
        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
          written.add(msg);
          // read now: the channel reads the buffer empty and frees it as it writes it
          if (msg instanceof ByteBuf bytes && bytes.isReadable()) {
            writtenBytes.add(bytes);
          }
          if (msg instanceof ByteBuf bytes && bytes.isDirect()) {
            directWrites.incrementAndGet();
          }
          super.write(ctx, msg, promise);
        }
      });
      socketContext = Vertx.currentContext();
      connections.add(connection.apply(socket));
    });
    ClusteredVertxNodes.await(server.listen(FreePorts.next(), "127.0.0.1"), 10);
    for (int i = 0; i < clients; i++) {
      StringBuilder text = new StringBuilder();
      received.add(text);
      NetSocket client = ClusteredVertxNodes.await(vertx.createNetClient().connect(server.actualPort(), "127.0.0.1"), 10);
      client.handler(bytes -> {
        synchronized (text) {
          text.append(bytes.toString(StandardCharsets.UTF_8));
        }
      });
    }
    await().atMost(Duration.ofSeconds(30)).until(() -> connections.size() == clients);
  }

  Vertx vertx() {
    return vertx;
  }

  /** The server side of the clients, in the order they were accepted. */
  List<LineConnection> connections() {
    return connections;
  }

  LineConnection connection(int index) {
    return connections.get(index);
  }

  /** What the connections handed their channels, in order (buffers, empty ones included). */
  List<Object> written() {
    return written;
  }

  /** The buffers written that held bytes when they were handed to the channel. */
  List<ByteBuf> writtenBytes() {
    return writtenBytes;
  }

  /** How many of the buffers written were direct (off-heap) ones. */
  int directWrites() {
    return directWrites.get();
  }

  Context socketContext() {
    return socketContext;
  }

  /** Runs {@code action} on the connections' context and returns once it ran. */
  void onSocketContext(Runnable action) {
    Promise<Void> done = Promise.promise();
    socketContext.runOnContext(v -> {
      action.run();
      done.complete();
    });
    ClusteredVertxNodes.await(done.future(), 10);
  }

  /** Waits until client {@code index} has read exactly {@code text}. */
  void awaitReceived(int index, String text) {
    StringBuilder each = received.get(index);
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      synchronized (each) {
        assertThat(each.toString()).isEqualTo(text);
      }
    });
  }

  /** Waits until every client has read exactly {@code text}. */
  void awaitEveryClientReceived(String text) {
    for (int i = 0; i < received.size(); i++) {
      awaitReceived(i, text);
    }
  }

  @Override
  public void close() {
    ClusteredVertxNodes.await(vertx.close(), 10);
  }
}
