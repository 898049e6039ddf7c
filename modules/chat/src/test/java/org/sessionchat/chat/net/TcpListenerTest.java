package org.sessionchat.chat.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.net.NetServerOptions;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sessionchat.chat.limits.ConnectionLimits;
import org.sessionchat.chat.limits.LimitCounters;
import org.sessionchat.chat.limits.Limits;
import org.sessionchat.session.testkit.FreePorts;

/** One port, a server on every event loop: where the connections land. */
class TcpListenerTest {

  /** The event loops of a Vert.x made with the default options, as this test's is. */
  private static final int EVENT_LOOPS = VertxOptions.DEFAULT_EVENT_LOOP_POOL_SIZE;

  private Vertx vertx;

  @BeforeEach
  void startVertx() {
    vertx = Vertx.vertx();
  }

  @AfterEach
  void closeVertx() throws Exception {
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  @Test
  void handsTheConnectionsOfOnePortToEveryEventLoopInTurn() throws Exception {
    Set<Thread> accepting = ConcurrentHashMap.newKeySet();
    List<LineConnection> accepted = new ArrayList<>();
    TcpListener listener = listen(connection -> {
      accepting.add(Thread.currentThread());
      synchronized (accepted) {
        accepted.add(connection);
      }
    });
    int connections = 2 * EVENT_LOOPS;
    List<Socket> clients = new ArrayList<>();
    try {
      for (int i = 0; i < connections; i++) {
        clients.add(new Socket("127.0.0.1", listener.actualPort()));
      }
      await().atMost(Duration.ofSeconds(10)).until(() -> {
        synchronized (accepted) {
          return accepted.size() == connections;
        }
      });
      assertThat(accepting).as("the event-loop threads that accepted %d connections", connections)
          .hasSize(EVENT_LOOPS)
          .allSatisfy(thread -> assertThat(thread.getName()).startsWith("vert.x-eventloop-thread-"));
    } finally {
      for (Socket client : clients) {
        client.close();
      }
    }
  }

  @Test
  void givesEachListenerOnAnEphemeralPortAPortOfItsOwn() throws Exception {
    TcpListener first = listen(connection -> { });
    TcpListener second = listen(connection -> { });
    assertThat(first.actualPort()).isPositive();
    assertThat(second.actualPort()).isPositive().isNotEqualTo(first.actualPort());
  }

  private TcpListener listen(Consumer<LineConnection> onConnect) throws Exception {
    LimitCounters counters = new LimitCounters();
    ConnectionLimits admission = new ConnectionLimits(Limits.NONE, counters);
    NetServerOptions options = TcpServerVerticle.serverOptions("127.0.0.1", FreePorts.next());
    return TcpListener.start(vertx, EVENT_LOOPS, options,
            shared -> new TcpServerVerticle(shared, 4096, Limits.NONE, counters, admission,
                host -> LineWire.INSTANCE, onConnect))
        .await(10, TimeUnit.SECONDS);
  }
}
