package org.sessionchat.chat.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sessionchat.chat.testing.ConsoleNode;

/** The console's routes over plain HTTP: the page, Graphviz from the jar, the protocols, the origin check. */
class WebConsoleHttpTest {

  private static ConsoleNode node;
  private static final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    node = ConsoleNode.start("console-http");
  }

  @AfterAll
  static void stop() throws Exception {
    node.close();
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(node.url() + path)).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void servesThePageAndGraphvizFromTheJar() throws Exception {
    HttpResponse<String> page = get("");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("<title>session-chat console</title>", "vendor/viz.js/viz.js");
    HttpResponse<String> viz = get("vendor/viz.js/full.render.js");
    assertThat(viz.statusCode()).isEqualTo(200);
    assertThat(viz.body().length()).isGreaterThan(1_000_000);
    for (String outside : List.of("logback.xml", "%2e%2e/logback.xml", "vendor/viz.js/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/logback.xml",
        "protocols/ChatServer.scr")) {
      assertThat(get(outside).statusCode()).as(outside).isEqualTo(404); // the page's folders only, not the class path
    }
    assertThat(get("health").statusCode()).isEqualTo(200); // the console leaves the node's own routes alone
  }

  @Test
  void listsEveryRoleOfEveryProtocolWithItsDot() throws Exception {
    JsonArray protocols = new JsonObject(get("api/protocols").body()).getJsonArray("protocols");
    assertThat(protocols.stream().map(p -> ((JsonObject) p).getString("name"))).containsExactly("ChannelPresence", "ChatServer", "ChatSession", "DirectMessage", "NickRegistry");
    JsonObject chatSession = protocols.getJsonObject(2);
    assertThat(chatSession.getJsonArray("roles").stream().map(r -> ((JsonObject) r).getString("role")))
        .containsExactly("ClientThread", "ChatRoom");
    JsonObject client = chatSession.getJsonArray("roles").getJsonObject(0);
    assertThat(client.getString("dot")).startsWith("digraph").contains("subgraph \"cluster_S0_1\"", "par_transition");
    assertThat(client.getString("local")).contains("local protocol ChatSession at ClientThread");
    assertThat(client.getString("initial")).isEqualTo("S0");
  }

  @Test
  void refusesAWebSocketOpenedByAPageFromAnotherSite() {
    URI view = URI.create("ws://127.0.0.1:" + node.httpPort() + "/ws/view");
    assertThat(List.of("http://evil.example", "http://127.0.0.1:1")).allSatisfy(origin ->
        assertThat(http.newWebSocketBuilder().header("Origin", origin)
            .buildAsync(view, new WebSocket.Listener() { }).handle((socket, failure) -> failure).join())
            .isNotNull());
    WebSocket sameOrigin = http.newWebSocketBuilder().header("Origin", "http://127.0.0.1:" + node.httpPort())
        .buildAsync(view, new WebSocket.Listener() { }).orTimeout(10, TimeUnit.SECONDS).join();
    sameOrigin.abort();
  }
}
