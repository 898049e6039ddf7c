package org.sessionchat.chat.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sessionchat.chat.testing.LineClient;
import org.sessionchat.chat.testing.LimitsBuilder;
import org.sessionchat.chat.testing.LocalChatNode;

/** A line that never ends is discarded as it comes and, past a bound, ends the connection cleanly. */
class UnendedLineTest {

  private static final int BOUND = 16 * 1024;

  @AutoClose
  private LocalChatNode node;

  @BeforeEach
  void startNode() {
    node = LocalChatNode.start(LimitsBuilder.limits().maxUnendedLineBytes(BOUND).build());
  }

  @Test
  void aLongLineThatEndsIsAnsweredAndTheConnectionStaysUsable() {
    try (LineClient client = LineClient.connect(node.port())) {
      client.sendRaw(("CHAT:" + "y".repeat(BOUND - 10) + "\n").getBytes(StandardCharsets.UTF_8));
      client.expect("ERROR:LINE_TOO_LONG").call("PING", "PONG");
    }
  }

  @Test
  void aLineThatNeverEndsIsCutOffWithAnErrorAndAClose() {
    try (LineClient client = LineClient.connect(node.port()); LineClient other = LineClient.connect(node.port())) {
      // one byte over the bound, sent at once: the node has read everything when it closes
      client.sendRaw("z".repeat(BOUND + 1).getBytes(StandardCharsets.US_ASCII));
      client.expect("ERROR:LINE_TOO_LONG");
      client.expectClosed();
      other.call("PING", "PONG");
    }
    assertThat(node.node().limitCounters().disconnects(Disconnect.UNENDED_LINE)).isOne();
  }
}
