package org.sessionchat.chat.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sessionchat.chat.actor.ClientEvent;
import org.sessionchat.chat.actor.ClientTransport;
import org.sessionchat.session.testkit.ClusteredVertxNodes;

/** Lines delivered within a batch reach the client in order, as one socket write. */
class WriteBatchesTest {

  private Vertx vertx;
  private NetServer server;
  private final AtomicInteger writes = new AtomicInteger();
  private final StringBuilder received = new StringBuilder();
  private LineConnection connection;
  private volatile Context socketContext;

  @BeforeEach
  void connect() {
    vertx = Vertx.vertx();
    Promise<LineConnection> accepted = Promise.promise();
    server = vertx.createNetServer().connectHandler(socket -> {
      ((NetSocketInternal) socket).channelHandlerContext().pipeline().addFirst(new ChannelOutboundHandlerAdapter() {
        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
          writes.incrementAndGet();
          super.write(ctx, msg, promise);
        }
      });
      socketContext = Vertx.currentContext();
      accepted.complete(new LineConnection(socket, 1024));
    });
    ClusteredVertxNodes.await(server.listen(0, "127.0.0.1"), 10);
    NetSocket client = ClusteredVertxNodes.await(vertx.createNetClient().connect(server.actualPort(), "127.0.0.1"), 10);
    client.handler(bytes -> {
      synchronized (received) {
        received.append(bytes.toString(StandardCharsets.UTF_8));
      }
    });
    connection = ClusteredVertxNodes.await(accepted.future(), 10);
  }

  @AfterEach
  void close() {
    ClusteredVertxNodes.await(vertx.close(), 10);
  }

  @Test
  void linesOfABatchAreOneWriteAndKeepTheirOrder() {
    onSocketContext(() -> {
      connection.beginBatch();
      connection.deliver(new ClientEvent.Message("deck", "ann:one"));
      connection.deliver(new ClientEvent.Joined("hall"));
      connection.deliver(new ClientEvent.Message("deck", "bob:two"));
      connection.endBatch();
    });

    awaitReceived("MSG:deck:ann:one\nOK:JOIN:hall\nMSG:deck:bob:two\n");
    assertThat(writes.get()).isEqualTo(1);
  }

  @Test
  void outsideABatchEachLineIsWrittenAtOnce() {
    onSocketContext(() -> {
      connection.deliver(new ClientEvent.Message("deck", "ann:one"));
      connection.deliver(new ClientEvent.Message("deck", "bob:two"));
    });

    awaitReceived("MSG:deck:ann:one\nMSG:deck:bob:two\n");
    assertThat(writes.get()).isEqualTo(2);
  }

  @Test
  void closingInsideABatchWritesWhatWasGatheredFirst() {
    onSocketContext(() -> {
      connection.beginBatch();
      connection.deliver(new ClientEvent.Message("deck", "ann:last words"));
      connection.close(ClientTransport.CloseReason.CLIENT_QUIT);
      connection.endBatch();
    });

    awaitReceived("MSG:deck:ann:last words\nBYE\n");
  }

  private void onSocketContext(Runnable action) {
    Promise<Void> done = Promise.promise();
    socketContext.runOnContext(v -> {
      action.run();
      done.complete();
    });
    ClusteredVertxNodes.await(done.future(), 10);
  }

  private void awaitReceived(String text) {
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      synchronized (received) {
        assertThat(received.toString()).isEqualTo(text);
      }
    });
  }
}
