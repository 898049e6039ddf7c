package org.sessionchat.chat.irc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sessionchat.chat.testing.LimitsBuilder;
import org.sessionchat.chat.testing.LocalChatNode;

/** The node PINGs a quiet IRC client, and drops one that does not answer with {@code ERROR :Closing link}. */
class IrcIdleTest {

  private LocalChatNode node;
  private Socket socket;
  private BufferedReader in;
  private OutputStream out;

  @BeforeEach
  void registerAQuietClient() throws Exception {
    node = LocalChatNode.withIrc("idle-node", LimitsBuilder.limits().idleTimeout(Duration.ofSeconds(2)).build());
    socket = new Socket("127.0.0.1", node.ircPort());
    socket.setSoTimeout(10_000);
    in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
    out = socket.getOutputStream();
    send("NICK quiet", "USER q 0 * :Q");
    String line;
    do {
      line = in.readLine();
    } while (line != null && !line.contains(" 376 "));
  }

  @AfterEach
  void stop() throws Exception {
    socket.close();
    node.close();
  }

  private void send(String... lines) throws Exception {
    out.write((String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  @Test
  void aQuietClientIsPingedAndDroppedIfItNeverAnswers() throws Exception {
    assertThat(in.readLine()).isEqualTo("PING :idle-node");
    assertThat(in.readLine()).isEqualTo("ERROR :Closing link: 127.0.0.1 (Ping timeout)");
    assertThat(in.readLine()).isNull();
  }

  @Test
  void aClientThatAnswersEachPingStays() throws Exception {
    long start = System.nanoTime();
    while (System.nanoTime() - start < Duration.ofSeconds(5).toNanos()) { // well past the idle timeout
      assertThat(in.readLine()).isEqualTo("PING :idle-node");
      send("PONG :idle-node");
    }
    send("PING :still");
    assertThat(in.readLine()).isEqualTo(":idle-node PONG idle-node :still");
  }
}
