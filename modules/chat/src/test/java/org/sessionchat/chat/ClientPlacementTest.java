package org.sessionchat.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Context;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.sessionchat.chat.actor.ClientEvent;
import org.sessionchat.chat.limits.Disconnect;
import org.sessionchat.chat.testing.LimitsBuilder;
import org.sessionchat.chat.testing.LineClient;
import org.sessionchat.chat.testing.LocalChatNode;
import org.sessionchat.chat.testing.RecordingTransport;
import org.sessionchat.chat.wire.Command;
import org.sessionchat.session.ActorRef;
import org.sessionchat.session.SessionObserver;
import org.sessionchat.session.SessionSnapshot;

/**
 * Each client's actor runs on its connection's event loop, while the connections are spread
 * over all of them; what is node-wide (admission, shutdown) still spans every loop.
 */
class ClientPlacementTest {

  @AutoClose
  private LocalChatNode node;

  @Test
  void runsEachClientActorOnTheThreadOfItsConnection() throws Exception {
    node = LocalChatNode.start();
    Map<ActorRef, Thread> actorThreads = new ConcurrentHashMap<>();
    node.node().runtime().observe(new SessionObserver() {
      @Override
      public void sessionStarted(SessionSnapshot session) { // on the actor's own context
        actorThreads.putIfAbsent(session.actor(), Thread.currentThread());
      }
    });
    // several clients served from one context: Vert.x's turn would give their actors different loops
    Context socketContext = node.vertx().getOrCreateContext();
    CompletableFuture<Thread> socketThread = new CompletableFuture<>();
    socketContext.runOnContext(v -> socketThread.complete(Thread.currentThread()));
    List<ActorRef> actors = new ArrayList<>();
    List<RecordingTransport> transports = new ArrayList<>();
    for (int i = 0; i < node.node().runtime().eventLoops() + 1; i++) {
      RecordingTransport transport = new RecordingTransport();
      CompletableFuture<ActorRef> spawned = new CompletableFuture<>();
      socketContext.runOnContext(v -> node.node().serveClient(transport)
          .onSuccess(spawned::complete).onFailure(spawned::completeExceptionally));
      actors.add(spawned.get(10, TimeUnit.SECONDS));
      transports.add(transport);
    }
    for (RecordingTransport transport : transports) {
      assertThat(transport.next()).isInstanceOf(ClientEvent.Welcome.class);
      transport.call(new Command.Ping(""), new ClientEvent.Pong(""));
    }
    await().atMost(Duration.ofSeconds(10)).until(() -> actorThreads.keySet().containsAll(actors));
    Thread expected = socketThread.get(10, TimeUnit.SECONDS);
    assertThat(actors).allSatisfy(actor -> assertThat(actorThreads.get(actor)).as("thread of %s", actor)
        .isSameAs(expected));
  }

  @Test
  void saysByeToTheClientsOfEveryEventLoopWhenTheNodeStops() throws Exception {
    node = LocalChatNode.start();
    List<LineClient> clients = connect(2 * node.node().runtime().eventLoops());
    try {
      node.node().close().await(10, TimeUnit.SECONDS);
      for (LineClient client : clients) {
        client.expect("BYE");
        client.expectClosed();
      }
    } finally {
      clients.forEach(LineClient::close);
    }
  }

  @Test
  void admitsNoMoreConnectionsThanTheNodeLimitOverAllEventLoops() throws Exception {
    int limit = 3;
    node = LocalChatNode.start(LimitsBuilder.limits().connections(limit, 100).build());
    List<LineClient> clients = IntStream.range(0, 2 * node.node().runtime().eventLoops())
        .mapToObj(i -> LineClient.connect(node.port())).toList();
    try {
      List<String> firstLines = clients.stream().map(LineClient::welcome).toList();
      assertThat(firstLines.stream().filter(line -> line.startsWith("WELCOME:"))).hasSize(limit);
      assertThat(firstLines.stream().filter(line -> line.equals("ERROR:TOO_MANY_CONNECTIONS")))
          .hasSize(clients.size() - limit);
      assertThat(node.node().limitCounters().disconnects(Disconnect.NODE_FULL)).isEqualTo(clients.size() - limit);
    } finally {
      clients.forEach(LineClient::close);
    }
  }

  @Test
  void closesIdleConnectionsOnEveryEventLoop() throws Exception {
    node = LocalChatNode.start(LimitsBuilder.limits().idleTimeout(Duration.ofMillis(500)).build());
    List<LineClient> clients = connect(2 * node.node().runtime().eventLoops());
    try {
      for (LineClient client : clients) {
        client.expect("ERROR:IDLE_TIMEOUT");
        client.expectClosed();
      }
      assertThat(node.node().limitCounters().disconnects(Disconnect.IDLE)).isEqualTo(clients.size());
    } finally {
      clients.forEach(LineClient::close);
    }
  }

  private List<LineClient> connect(int count) {
    List<LineClient> clients = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      LineClient client = LineClient.connect(node.port());
      clients.add(client);
      assertThat(client.welcome()).startsWith("WELCOME:");
    }
    return clients;
  }
}
