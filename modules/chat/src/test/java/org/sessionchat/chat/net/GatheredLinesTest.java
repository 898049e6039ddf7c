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
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sessionchat.chat.actor.ClientEvent;
import org.sessionchat.chat.actor.ClientTransport;
import org.sessionchat.session.testkit.ClusteredVertxNodes;

/** The lines of one turn of the socket's event loop reach the client in order, as one socket write. */
class GatheredLinesTest {

  private Vertx vertx;
  private NetServer server;
  private final AtomicInteger writes = new AtomicInteger();
  private final AtomicInteger directWrites = new AtomicInteger();
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
          if (msg instanceof ByteBuf bytes && bytes.isDirect()) {
            directWrites.incrementAndGet();
          }
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
  void linesOfATurnAreOneWriteOfADirectBufferAndKeepTheirOrder() {
    onSocketContext(() -> {
      connection.deliver(new ClientEvent.Message("deck", "ann:one"));
      connection.deliver(new ClientEvent.Joined("hall"));
      connection.deliver(new ClientEvent.Message("deck", "bob:two"));
    });

    awaitReceived("MSG:deck:ann:one\nOK:JOIN:hall\nMSG:deck:bob:two\n");
    assertThat(writes.get()).isEqualTo(1);
    assertThat(directWrites.get()).isEqualTo(1);
  }

  @Test
  void eachTurnWritesItsOwnLines() {
    onSocketContext(() -> connection.deliver(new ClientEvent.Message("deck", "ann:one")));
    awaitReceived("MSG:deck:ann:one\n");
    onSocketContext(() -> connection.deliver(new ClientEvent.Message("deck", "bob:two")));

    awaitReceived("MSG:deck:ann:one\nMSG:deck:bob:two\n");
    assertThat(writes.get()).isEqualTo(2);
  }

  @Test
  void linesHandedByTasksQueuedDuringTheTurnJoinItsWrite() {
    onSocketContext(() -> {
      connection.deliver(new ClientEvent.Message("deck", "ann:one"));
      socketContext.runOnContext(v -> connection.deliver(new ClientEvent.Message("deck", "bob:two"))); // queued behind the first line
    });

    awaitReceived("MSG:deck:ann:one\nMSG:deck:bob:two\n");
    assertThat(writes.get()).isEqualTo(1);
  }

  @Test
  void aTurnOfMoreThanTheCapIsWrittenInPiecesInOrder() {
    StringBuilder expected = new StringBuilder();
    onSocketContext(() -> {
      for (int i = 0; i < 3000; i++) {
        String text = "ann:line " + i + " " + "x".repeat(80);
        connection.deliver(new ClientEvent.Message("deck", text));
        expected.append("MSG:deck:").append(text).append('\n');
      }
    });

    awaitReceived(expected.toString());
    int bytes = expected.length();
    assertThat(writes.get()).isBetween(bytes / GatheredLines.MAX_GATHERED, bytes / GatheredLines.MAX_GATHERED + 1);
  }

  @Test
  void closingWritesWhatWasGatheredFirst() {
    onSocketContext(() -> {
      connection.deliver(new ClientEvent.Message("deck", "ann:last words"));
      connection.close(ClientTransport.CloseReason.CLIENT_QUIT);
    });

    awaitReceived("MSG:deck:ann:last words\nBYE\n");
  }

  @Test
  void linesGatheredFromAnotherContextOnTheSameTurnAreOneWrite() {
    Context actor = vertx.getOrCreateContext();
    ContextBoundTransport[] bound = new ContextBoundTransport[1];
    onSocketContext(() -> bound[0] = new ContextBoundTransport(connection));
    Promise<Void> done = Promise.promise();
    actor.runOnContext(v -> {
      for (int i = 0; i < 50; i++) {
        bound[0].deliver(new ClientEvent.Message("deck", "ann:" + i));
      }
      done.complete();
    });
    ClusteredVertxNodes.await(done.future(), 10);

    StringBuilder expected = new StringBuilder();
    for (int i = 0; i < 50; i++) {
      expected.append("MSG:deck:ann:").append(i).append('\n');
    }
    awaitReceived(expected.toString());
    assertThat(writes.get()).isBetween(1, 2); // one drain of the socket's loop, unless it ran before all were queued
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
