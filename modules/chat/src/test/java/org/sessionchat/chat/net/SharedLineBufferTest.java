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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sessionchat.chat.actor.ClientEvent;
import org.sessionchat.chat.limits.ConnectionGuard;
import org.sessionchat.chat.limits.LimitCounters;
import org.sessionchat.chat.limits.Limits;
import org.sessionchat.session.testkit.ClusteredVertxNodes;

/**
 * Connections of one event loop that write the same single line in a turn write views of one
 * buffer, which is freed once written; a second line in the turn is gathered with the first.
 */
class SharedLineBufferTest {

  private static final int CLIENTS = 2;

  private Vertx vertx;
  private final List<LineConnection> connections = new CopyOnWriteArrayList<>();
  private final List<ByteBuf> written = new CopyOnWriteArrayList<>();
  private final List<StringBuilder> received = new ArrayList<>();
  private final BroadcastLines shared = new BroadcastLines();
  private volatile Context socketContext;

  @BeforeEach
  void connect() {
    vertx = Vertx.vertx();
    NetServer server = vertx.createNetServer().connectHandler(socket -> {
      ((NetSocketInternal) socket).channelHandlerContext().pipeline().addFirst(new ChannelOutboundHandlerAdapter() {
        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
          if (msg instanceof ByteBuf bytes && bytes.isReadable()) {
            written.add(bytes);
          }
          super.write(ctx, msg, promise);
        }
      });
      socketContext = Vertx.currentContext();
      connections.add(new LineConnection(socket, 1024, new ConnectionGuard(Limits.NONE, new LimitCounters()), shared));
    });
    ClusteredVertxNodes.await(server.listen(0, "127.0.0.1"), 10);
    for (int i = 0; i < CLIENTS; i++) {
      StringBuilder text = new StringBuilder();
      received.add(text);
      NetSocket client = ClusteredVertxNodes.await(vertx.createNetClient().connect(server.actualPort(), "127.0.0.1"), 10);
      client.handler(bytes -> {
        synchronized (text) {
          text.append(bytes.toString(StandardCharsets.UTF_8));
        }
      });
    }
    await().atMost(Duration.ofSeconds(30)).until(() -> connections.size() == CLIENTS);
  }

  @AfterEach
  void close() {
    ClusteredVertxNodes.await(vertx.close(), 10);
  }

  @Test
  void membersHandedOneLineInATurnWriteViewsOfOneBufferThatIsFreedOnceWritten() {
    int[] countsAfterTheTurn = new int[CLIENTS];
    onSocketContext(() -> {
      connections.forEach(c -> c.deliver(new ClientEvent.Message("deck", "ann:hello")));
      socketContext.runOnContext(v -> { // after the turn's writes (a few bytes: written at once)
        for (int i = 0; i < CLIENTS; i++) {
          countsAfterTheTurn[i] = written.get(i).refCnt();
        }
      });
    });

    awaitEveryClientReceived("MSG:deck:ann:hello\n");
    assertThat(written).hasSize(CLIENTS);
    ByteBuf parent = written.get(0).unwrap();
    assertThat(parent).as("a view of the shared line").isNotNull();
    assertThat(written.get(1).unwrap()).isSameAs(parent);
    assertThat(parent.writerIndex()).isEqualTo("MSG:deck:ann:hello\n".length());
    assertThat(countsAfterTheTurn).as("freed once written and the turn is over").containsOnly(0);
  }

  @Test
  void aSecondLineInTheTurnIsGatheredWithTheSharedFirstInOneWrite() {
    onSocketContext(() -> {
      connections.forEach(c -> c.deliver(new ClientEvent.Message("deck", "ann:one")));
      connections.get(0).deliver(new ClientEvent.Message("deck", "bob:two"));
    });

    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      synchronized (received.get(0)) {
        assertThat(received.get(0).toString()).isEqualTo("MSG:deck:ann:one\nMSG:deck:bob:two\n");
      }
      synchronized (received.get(1)) {
        assertThat(received.get(1).toString()).isEqualTo("MSG:deck:ann:one\n");
      }
    });
    assertThat(written).hasSize(CLIENTS);
    List<ByteBuf> views = written.stream().filter(bytes -> bytes.unwrap() != null
        && bytes.unwrap().writerIndex() == "MSG:deck:ann:one\n".length()).toList();
    assertThat(views).hasSize(1);
  }

  private void onSocketContext(Runnable action) {
    Promise<Void> done = Promise.promise();
    socketContext.runOnContext(v -> {
      action.run();
      done.complete();
    });
    ClusteredVertxNodes.await(done.future(), 10);
  }

  private void awaitEveryClientReceived(String text) {
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      for (StringBuilder each : received) {
        synchronized (each) {
          assertThat(each.toString()).isEqualTo(text);
        }
      }
    });
  }
}
