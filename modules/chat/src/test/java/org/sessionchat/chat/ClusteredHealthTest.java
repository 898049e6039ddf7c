package org.sessionchat.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.sessionchat.chat.testing.ClusteredChat;
import org.sessionchat.session.testkit.FreePorts;

/** In a cluster, {@code /health} is 200 only while the node is a member: a node cut off answers 503. */
class ClusteredHealthTest {

  @Test
  void healthIsUpWhileTheNodeIsAMemberAndDownOnceItIsCutOff() throws Exception {
    Vertx httpVertx = Vertx.vertx();
    try (ClusteredChat chat = ClusteredChat.start(2)) {
      HealthServer health = HealthServer.start(httpVertx, "127.0.0.1", FreePorts.next(), "node0").await(10, TimeUnit.SECONDS);
      health.serving(chat.node(0));
      HttpResponse<String> up = get(health.port());
      assertThat(up.statusCode()).isEqualTo(200);
      assertThat(new JsonObject(up.body()).getMap()).containsEntry("status", "UP").containsEntry("clusterSize", 2);

      chat.kill(0);

      await().atMost(Duration.ofSeconds(15)).until(() -> get(health.port()).statusCode() == 503);
      assertThat(new JsonObject(get(health.port()).body()).getString("status")).isEqualTo("NOT_IN_CLUSTER");
    } finally {
      httpVertx.close().await(10, TimeUnit.SECONDS);
    }
  }

  private static HttpResponse<String> get(int port) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
