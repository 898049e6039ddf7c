package org.sessionchat.chat.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sessionchat.chat.testing.LineClient;
import org.sessionchat.chat.testing.LimitsBuilder;
import org.sessionchat.chat.testing.LocalChatNode;

/** A member that never reads is cut off once its write queue is full; the room goes on without it. */
class SlowConsumerTest {

  private static final int LINES = 4_000;
  private static final String PADDING = "x".repeat(1_000);

  @AutoClose
  private LocalChatNode node;

  @BeforeEach
  void startNode() {
    node = LocalChatNode.start(LimitsBuilder.limits().maxOutboundBytes(64 * 1024).build());
  }

  @Test
  void aMemberThatNeverReadsIsDisconnectedWhileTheOthersChatOn() throws Exception {
    try (LineClient sender = LineClient.connect(node.port(), "sender");
        LineClient reader = LineClient.connect(node.port(), "reader");
        Socket neverReads = new Socket()) {
      sender.call("CREATE:busy", "OK:CREATE:busy").call("JOIN:busy", "OK:JOIN:busy");
      reader.call("JOIN:busy", "OK:JOIN:busy");
      neverReads.setReceiveBufferSize(4096);
      neverReads.connect(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), node.port()));
      OutputStream out = neverReads.getOutputStream();
      out.write("NICK:sloth\nJOIN:busy\n".getBytes(StandardCharsets.UTF_8));
      out.flush();
      await().atMost(Duration.ofSeconds(10))
          .until(() -> node.node().roomManager().hostedRoom("busy").orElseThrow().memberCount() == 3);

      Thread writer = new Thread(() -> {
        for (int i = 0; i < LINES; i++) {
          sender.send("CHAT:" + i + ":" + PADDING);
        }
      });
      writer.start();
      for (int i = 0; i < LINES; i++) {
        assertThat(reader.next()).isEqualTo("MSG:busy:sender:" + i + ":" + PADDING);
      }
      writer.join(10_000);
      sender.expectNothingPending();

      await().atMost(Duration.ofSeconds(10))
          .until(() -> node.node().limitCounters().disconnects(Disconnect.SLOW_CONSUMER) == 1);
      await().atMost(Duration.ofSeconds(10)).until(() -> node.node().connectionCount() == 2);
      assertThat(node.node().roomManager().hostedRoom("busy").orElseThrow().memberCount()).isEqualTo(2);
    }
  }
}
