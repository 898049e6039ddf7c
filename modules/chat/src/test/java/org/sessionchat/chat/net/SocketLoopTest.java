package org.sessionchat.chat.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Context;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
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
 * A room's lines handed from another context to several clients of one socket context: each
 * client gets every line in order, and the members share each line's bytes.
 */
class SocketLoopTest {

  private static final int CLIENTS = 3;
  private static final int LINES = 200;

  private Vertx vertx;
  private final List<LineConnection> connections = new CopyOnWriteArrayList<>();
  private final List<StringBuilder> received = new ArrayList<>();
  private final BroadcastLines shared = new BroadcastLines();
  private volatile Context socketContext;

  @BeforeEach
  void connect() {
    vertx = Vertx.vertx();
    NetServer server = vertx.createNetServer().connectHandler(socket -> {
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
  void everyClientGetsEveryLineInOrderAndTheLinesAreEncodedOnce() {
    List<ContextBoundTransport> bound = new ArrayList<>();
    Promise<Void> made = Promise.promise();
    socketContext.runOnContext(v -> {
      connections.forEach(connection -> bound.add(new ContextBoundTransport(connection)));
      made.complete();
    });
    ClusteredVertxNodes.await(made.future(), 10);

    List<String> said = new ArrayList<>();
    for (int i = 0; i < LINES; i++) {
      said.add("ann:line " + i);
    }
    Promise<Void> handed = Promise.promise();
    vertx.getOrCreateContext().runOnContext(v -> { // a room's broadcast: each line to every member in turn
      for (String text : said) {
        bound.forEach(transport -> transport.deliver(new ClientEvent.Message("deck", text)));
      }
      handed.complete();
    });
    ClusteredVertxNodes.await(handed.future(), 10);

    StringBuilder expected = new StringBuilder();
    said.forEach(text -> expected.append("MSG:deck:").append(text).append('\n'));
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      for (StringBuilder text : received) {
        synchronized (text) {
          assertThat(text.toString()).isEqualTo(expected.toString());
        }
      }
    });
    Promise<Long> encoded = Promise.promise();
    socketContext.runOnContext(v -> encoded.complete(shared.encoded()));
    assertThat(ClusteredVertxNodes.await(encoded.future(), 10)).isEqualTo((long) LINES);
  }
}
