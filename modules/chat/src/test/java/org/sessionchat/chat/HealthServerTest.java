package org.sessionchat.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.sessionchat.chat.testing.LineClient;
import org.sessionchat.chat.testing.LocalChatNode;
import org.sessionchat.session.testkit.FreePorts;

class HealthServerTest {

  private static HttpResponse<String> get(int port, String path) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void answers503UntilTheNodeServesThen200WithItsFigures() throws Exception {
    try (LocalChatNode node = LocalChatNode.start("health-node", true)) {
      HealthServer health = HealthServer.start(node.vertx(), "127.0.0.1", FreePorts.next(), "health-node").await(10, TimeUnit.SECONDS);
      assertThat(get(health.port(), "/health").statusCode()).isEqualTo(503);

      health.serving(node.node());
      try (LineClient client = node.connect("ann")) {
        client.call("CREATE:r1", "OK:CREATE:r1");
        HttpResponse<String> up = get(health.port(), "/health");
        assertThat(up.statusCode()).isEqualTo(200);
        assertThat(new JsonObject(up.body()).getMap()).containsEntry("status", "UP").containsEntry("node", "health-node")
            .containsEntry("port", node.port()).containsEntry("clustered", false).containsEntry("clusterSize", 1)
            .containsEntry("connections", 1).containsEntry("rooms", 1);
      }
      assertThat(get(health.port(), "/other").statusCode()).isEqualTo(404);
    }
  }
}
