package org.sessionchat.chat.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sessionchat.chat.ChatServerNode;
import org.sessionchat.chat.HealthServer;
import org.sessionchat.chat.actor.ChatProtocol;
import org.sessionchat.chat.actor.RoomManager;
import org.sessionchat.chat.http.MetricsRoute;
import org.sessionchat.chat.limits.RateLimit;
import org.sessionchat.chat.testing.LimitsBuilder;
import org.sessionchat.chat.testing.LineClient;
import org.sessionchat.chat.testing.LocalChatNode;
import org.sessionchat.session.ActorContext;
import org.sessionchat.session.ActorRef;
import org.sessionchat.session.Conversation;
import org.sessionchat.session.SessionActor;
import org.sessionchat.session.SessionMessage;
import org.sessionchat.session.testkit.FreePorts;

/** {@code GET /metrics} after real traffic: chat figures, session counters, limits and Vert.x's own. */
class MetricsEndpointTest {

  private LocalChatNode local;
  private ChatServerNode node;
  private HealthServer http;

  @BeforeEach
  void start() throws Exception {
    NodeMetrics metrics = new NodeMetrics(true);
    local = LocalChatNode.start(metrics.instrument(Vertx.builder(), new VertxOptions()).build(), true,
        new ChatServerNode.Settings("metrics-node", "127.0.0.1", FreePorts.next(), 4096,
            LimitsBuilder.limits().rateLimit(new RateLimit(2, 2, Duration.ofSeconds(60))).build()));
    node = local.node();
    metrics.bind(node);
    http = HealthServer.start(local.vertx(), "127.0.0.1", FreePorts.next(), "metrics-node").await(10, TimeUnit.SECONDS)
        .route(MetricsRoute.PATH, new MetricsRoute(metrics));
    http.serving(node);
  }

  @AfterEach
  void stop() throws Exception {
    local.close();
  }

  @Test
  void exposesChatSessionLimitAndEventBusFiguresInPrometheusFormat() throws Exception {
    try (LineClient ann = LineClient.connect(node.port()); LineClient bob = LineClient.connect(node.port())) {
      ann.call("CREATE:m", "OK:CREATE:m").send("JOIN:m").send("PING").send("PING");
      ann.expect("OK:JOIN:m").expect("PONG").expect("PONG"); // over the rate of 2: late, not lost
      bob.call("PING", "PONG");
      spawnClientThatBreaksTheProtocol();
      node.roomManager().hostedRoom("m").orElseThrow().stop();
      ann.expect("OFFLINE:m");

      await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
        HttpResponse<String> response = get("/metrics");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
        assertThat(response.body())
            .contains("# HELP sessionchat_connections ")
            .contains("sessionchat_connections 2.0")
            .contains("sessionchat_cluster_members 1.0")
            .contains("sessionchat_flood_delayed_lines_total 2.0")
            .contains("sessionchat_flood_waiting_lines 0.0")
            .contains("sessionchat_flood_held_connections 0.0")
            .containsPattern("sessionchat_flood_held_seconds_total ([1-9]|0\\.0*[1-9])")
            .contains("sessionchat_disconnects_total{reason=\"flood\"} 0.0")
            .contains("sessionchat_sessions_started_total{protocol=\"ChatSession\"} 1.0")
            .containsPattern("sessionchat_conversations_ended_total\\{protocol=\"ChatSession\"} [1-9]")
            .containsPattern("sessionchat_participant_offline_total [1-9]")
            .containsPattern("sessionchat_messages_monitored_total [1-9]")
            .contains("sessionchat_protocol_violations_total{label=\"createRoom\",protocol=\"ChatServer\",role=\"ClientThread\"} 1.0")
            .contains("sessionchat_rooms 1.0") // the bad client created one, m was stopped
            .containsPattern("vertx_eventbus_[a-z_]+")
            .contains("vertx_net_server_active_connections 2.0");
      });
    }
    assertThat(get("/health").statusCode()).isEqualTo(200);
  }

  @Test
  void leavesOutThePerMessageEventBusMetricsUnlessAskedFor() throws Exception {
    NodeMetrics metrics = new NodeMetrics();
    Vertx vertx = metrics.instrument(Vertx.builder(), new VertxOptions()).build();
    try {
      vertx.eventBus().consumer("probe", message -> message.reply("pong"));
      assertThat(vertx.eventBus().request("probe", "ping").await(10, TimeUnit.SECONDS).body()).isEqualTo("pong");
      assertThat(metrics.scrape()).doesNotContain("vertx_eventbus_");
    } finally {
      vertx.close().await(10, TimeUnit.SECONDS);
    }
  }

  /** A client actor gone bad: a second createRoom before the first is answered. */
  private void spawnClientThatBreaksTheProtocol() throws Exception {
    ActorRef manager = new ActorRef(node.runtime().nodeId(), RoomManager.ACTOR_ID);
    node.runtime().spawn(ChatProtocol.KIND_CLIENT, new SessionActor() {
      @Override
      public void started(ActorContext context) {
        context.startSession(ChatProtocol.CHAT_SERVER, ChatProtocol.CLIENT_THREAD,
            Map.of(ChatProtocol.ROOM_REGISTRY, manager)).onSuccess(lobby -> {
              lobby.send(ChatProtocol.ROOM_REGISTRY, ChatProtocol.CREATE_ROOM, "first");
              lobby.send(ChatProtocol.ROOM_REGISTRY, ChatProtocol.CREATE_ROOM, "second");
            });
      }

      @Override
      public void received(Conversation conversation, SessionMessage message) {
      }
    }).await(10, TimeUnit.SECONDS);
  }

  private HttpResponse<String> get(String path) throws Exception {
    return HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
