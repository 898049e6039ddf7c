package org.sessionchat.chat.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sessionchat.chat.testing.LineClient;
import org.sessionchat.chat.testing.LimitsBuilder;
import org.sessionchat.chat.testing.LocalChatNode;

/** A silent client is disconnected after the idle timeout; PING keeps a client alive. */
class IdleTimeoutTest {

  @AutoClose
  private LocalChatNode node;

  @BeforeEach
  void startNode() {
    node = LocalChatNode.start(LimitsBuilder.limits().idleTimeout(Duration.ofMillis(800)).build());
  }

  @Test
  void disconnectsASilentClientAndKeepsOneThatPings() {
    long started = System.nanoTime(); // before connecting: the node's idle clock starts when it accepts
    try (LineClient silent = LineClient.connect(node.port()); LineClient pinging = LineClient.connect(node.port())) {
      // the silent client's lines end with the idle error and the close; meanwhile the other one pings
      CompletableFuture<Void> silentEnds = CompletableFuture.runAsync(() -> {
        silent.expect("ERROR:IDLE_TIMEOUT");
        silent.expectClosed();
      });
      await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).until(() -> {
        pinging.call("PING:alive", "PONG:alive");
        return silentEnds.isDone();
      });
      silentEnds.join();
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(800));
      pinging.call("PING:still", "PONG:still");
    }
    assertThat(node.node().limitCounters().disconnects(Disconnect.IDLE)).isOne();
  }
}
