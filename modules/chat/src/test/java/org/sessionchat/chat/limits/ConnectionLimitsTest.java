package org.sessionchat.chat.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sessionchat.chat.testing.LineClient;
import org.sessionchat.chat.testing.LimitsBuilder;
import org.sessionchat.chat.testing.LocalChatNode;

/** Admission per node and per remote address, with clients on distinct loopback addresses. */
class ConnectionLimitsTest {

  @AutoClose
  private LocalChatNode node;

  @BeforeEach
  void startNode() {
    node = LocalChatNode.start(LimitsBuilder.limits().connections(3, 2).build());
  }

  @Test
  void refusesConnectionsOverThePerAddressAndNodeLimitsAndAdmitsAgainOnceOneCloses() {
    try (LineClient first = LineClient.connectFrom("127.0.0.1", node.port());
        LineClient second = LineClient.connectFrom("127.0.0.1", node.port())) {
      assertThat(first.welcome()).startsWith("WELCOME:");
      try (LineClient third = LineClient.connectFrom("127.0.0.1", node.port())) {
        assertThat(third.welcome()).isEqualTo("ERROR:TOO_MANY_CONNECTIONS");
        third.expectClosed();
      }
      try (LineClient otherHost = LineClient.connectFrom("127.0.0.2", node.port());
          LineClient oneTooMany = LineClient.connectFrom("127.0.0.3", node.port())) {
        assertThat(otherHost.welcome()).startsWith("WELCOME:");
        assertThat(oneTooMany.welcome()).isEqualTo("ERROR:TOO_MANY_CONNECTIONS");
        oneTooMany.expectClosed();
        otherHost.call("PING", "PONG");
      }
      first.call("QUIT", "BYE");
      await().atMost(Duration.ofSeconds(5)).until(() -> node.node().connectionCount() == 1);
      try (LineClient again = LineClient.connectFrom("127.0.0.1", node.port())) {
        assertThat(again.welcome()).startsWith("WELCOME:");
        second.call("PING", "PONG");
      }
    }
    LimitCounters counters = node.node().limitCounters();
    assertThat(counters.disconnects(Disconnect.ADDRESS_FULL)).isOne();
    assertThat(counters.disconnects(Disconnect.NODE_FULL)).isOne();
  }
}
