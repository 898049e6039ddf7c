package org.sessionchat.session.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetServer;
import io.vertx.core.spi.cluster.NodeInfo;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sessionchat.session.testkit.FreePorts;

/**
 * One link to a peer's port, against a real server socket on loopback: only "was up, closed,
 * then refused" reports the peer gone; a port that never answered, a close while the port
 * still listens, and a stopped link report nothing.
 */
class PeerLinkTest {

  private static final Duration WITHIN = Duration.ofSeconds(10);

  private Vertx vertx;
  private Context context;
  private NetClient client;
  private int port;
  private final List<String> gone = new CopyOnWriteArrayList<>();
  private final AtomicReference<PeerLink> link = new AtomicReference<>();

  @BeforeEach
  void setUp() {
    vertx = Vertx.vertx();
    context = vertx.getOrCreateContext();
    client = vertx.createNetClient(new NetClientOptions().setConnectTimeout(2_000).setReconnectAttempts(0));
    port = FreePorts.next();
  }

  @AfterEach
  void tearDown() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void aLinkThatWasUpClosesAndIsRefusedReportsThePeerGoneOnce() throws Exception {
    NetServer server = listen(socket -> { });
    startLink(located());
    await().atMost(WITHIN).until(() -> isUp());

    sync(server.close()); // the process is gone: its sockets close, nothing listens any more

    await().atMost(WITHIN).until(() -> !gone.isEmpty());
    Thread.sleep(500);
    assertThat(gone).containsExactly("peer@127.0.0.1:" + port);
  }

  @Test
  void aPortThatNeverAnsweredIsNotAGonePeer() throws Exception {
    startLink(located()); // nothing listens yet: a node still starting, say
    Thread.sleep(1_500); // several refused attempts
    assertThat(gone).isEmpty();

    listen(socket -> { });
    await().atMost(WITHIN).until(() -> isUp());
    assertThat(gone).isEmpty();
  }

  @Test
  void aClosedLinkToAPortThatStillListensIsBuiltAgain() throws Exception {
    AtomicInteger accepted = new AtomicInteger();
    listen(socket -> {
      if (accepted.incrementAndGet() == 1) {
        socket.close(); // the peer lives and drops one connection
      }
    });
    startLink(located());
    await().atMost(WITHIN).until(() -> accepted.get() >= 2 && isUp());
    assertThat(gone).isEmpty();
  }

  @Test
  void aPeerThatHasNotAnnouncedItsAddressIsWaitedFor() throws Exception {
    AtomicInteger lookups = new AtomicInteger();
    listen(socket -> { });
    startLink(nodeId -> Future.succeededFuture(lookups.incrementAndGet() < 3 ? null : new NodeInfo("127.0.0.1", port, new JsonObject())));
    await().atMost(WITHIN).until(() -> isUp());
    assertThat(lookups.get()).isGreaterThanOrEqualTo(3);
  }

  @Test
  void aStoppedLinkReportsNothing() throws Exception {
    NetServer server = listen(socket -> { });
    startLink(located());
    await().atMost(WITHIN).until(() -> isUp());

    context.runOnContext(v -> link.get().stop());
    sync(server.close());
    Thread.sleep(1_000);
    assertThat(gone).isEmpty();
  }

  @Test
  void onlyARefusedConnectIsRefused() {
    assertThat(ConnectFailure.of(new java.net.ConnectException("Connection refused"))).isEqualTo(ConnectFailure.REFUSED);
    assertThat(ConnectFailure.of(new RuntimeException(new java.net.ConnectException("Connection refused: /127.0.0.1:1"))))
        .isEqualTo(ConnectFailure.REFUSED);
    assertThat(ConnectFailure.of(new io.netty.channel.ConnectTimeoutException("connection timed out")))
        .isEqualTo(ConnectFailure.OTHER);
    assertThat(ConnectFailure.of(new java.net.ConnectException("Connection timed out"))).isEqualTo(ConnectFailure.OTHER);
    assertThat(ConnectFailure.of(new javax.net.ssl.SSLHandshakeException("bad certificate"))).isEqualTo(ConnectFailure.OTHER);
  }

  private PeerLink.Locator located() {
    return nodeId -> Future.succeededFuture(new NodeInfo("127.0.0.1", port, new JsonObject()));
  }

  private void startLink(PeerLink.Locator locator) {
    context.runOnContext(v -> {
      PeerLink created = new PeerLink(vertx, locator, client, "peer", (nodeId, address) -> gone.add(nodeId + "@" + address));
      link.set(created);
      created.start();
    });
  }

  private boolean isUp() throws Exception {
    PeerLink current = link.get();
    if (current == null) {
      return false;
    }
    return sync(Future.<Boolean>future(p -> context.runOnContext(v -> p.complete(current.isUp()))));
  }

  private NetServer listen(io.vertx.core.Handler<io.vertx.core.net.NetSocket> handler) throws Exception {
    NetServer server = vertx.createNetServer().connectHandler(handler);
    return sync(server.listen(port, "127.0.0.1"));
  }

  private static <T> T sync(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }
}
