package org.sessionchat.chat.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sessionchat.chat.testing.LineClient;
import org.sessionchat.chat.testing.LimitsBuilder;
import org.sessionchat.chat.testing.LocalChatNode;

/** Token-bucket flood control over real sockets: a warning per dropped line, then a disconnect. */
class FloodControlTest {

  private LocalChatNode node;

  @AfterEach
  void stopNode() throws Exception {
    if (node != null) {
      node.close();
    }
  }

  @Test
  void linesOverTheRateAreRefusedAndTheClientMayGoOnAfterAPause() {
    node = LocalChatNode.start(LimitsBuilder.limits().rateLimit(new RateLimit(5, 5, 100)).build());
    try (LineClient client = LineClient.connect(node.port())) {
      client.send("PING:1\nPING:2\nPING:3\nPING:4\nPING:5\nPING:6\nPING:7");
      client.expect("PONG:1").expect("PONG:2").expect("PONG:3").expect("PONG:4").expect("PONG:5");
      client.expect("ERROR:RATE_LIMITED").expect("ERROR:RATE_LIMITED");
      await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(250))
          .until(() -> client.send("PING:again").next().equals("PONG:again"));
      assertThat(node.node().limitCounters().rateLimitedLines()).isGreaterThanOrEqualTo(2);
      assertThat(node.node().limitCounters().disconnects(Disconnect.FLOOD)).isZero();
    }
  }

  @Test
  void aClientThatKeepsFloodingIsDisconnectedAndOthersAreNot() {
    node = LocalChatNode.start(LimitsBuilder.limits().rateLimit(new RateLimit(5, 5, 10)).build());
    try (LineClient flooder = LineClient.connect(node.port()); LineClient calm = LineClient.connect(node.port())) {
      flooder.send("PING\n".repeat(199) + "PING");
      List<String> lines = new ArrayList<>();
      for (String line = flooder.next(); line != null; line = flooder.next()) {
        lines.add(line);
      }
      assertThat(lines).startsWith("PONG", "PONG", "PONG", "PONG", "PONG").endsWith("ERROR:RATE_LIMITED");
      assertThat(lines.stream().filter("ERROR:RATE_LIMITED"::equals).count()).isBetween(10L, 13L);
      assertThat(node.node().limitCounters().disconnects(Disconnect.FLOOD)).isOne();
      calm.call("PING:still", "PONG:still");
    }
  }
}
