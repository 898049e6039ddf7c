package org.sessionchat.chat.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.sessionchat.chat.testing.ConsoleNode;
import org.sessionchat.chat.testing.LimitsBuilder;
import org.sessionchat.chat.testing.LineClient;

/** The console's chat socket gets the node's limits and checks, like a TCP connection. */
class ChatSocketLimitsTest {

  /** A WebSocket client that queues each text message it gets, and "CLOSED" at the end. */
  private static final class Socket implements WebSocket.Listener {
    final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    private final StringBuilder partial = new StringBuilder();
    WebSocket socket;

    static Socket open(ConsoleNode node) {
      Socket client = new Socket();
      client.socket = HttpClient.newHttpClient().newWebSocketBuilder()
          .buildAsync(URI.create("ws://127.0.0.1:" + node.httpPort() + "/ws/chat"), client)
          .orTimeout(10, TimeUnit.SECONDS).join();
      return client;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        received.add(partial.toString());
        partial.setLength(0);
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      received.add("CLOSED");
      return null;
    }

    String next() throws InterruptedException {
      String line = received.poll(10, TimeUnit.SECONDS);
      assertThat(line).as("a message from the node").isNotNull();
      return line;
    }

    String call(String line) throws InterruptedException {
      socket.sendText(line, true).join();
      return next();
    }
  }

  @Test
  void checksEachMessageLikeALineAndAnswersWithTheSameLines() throws Exception {
    try (ConsoleNode node = ConsoleNode.start("socket-checks")) {
      Socket web = Socket.open(node);
      assertThat(web.next()).startsWith("WELCOME:guest-");
      assertThat(web.call("NICK:ann")).isEqualTo("OK:NICK:ann");
      assertThat(web.call("NICK:bob\n")).isEqualTo("OK:NICK:bob"); // a trailing line end is no part of the line
      assertThat(web.call("CHAT:" + "x".repeat(5000))).isEqualTo("ERROR:LINE_TOO_LONG");
      assertThat(web.call("NICK:a\u001b[2Jb")).isEqualTo("ERROR:BAD_ENCODING");
      assertThat(web.call("CHAT:hello")).isEqualTo("ERROR:NOT_IN_ROOM");
      assertThat(web.call("BOGUS")).startsWith("ERROR:UNKNOWN_COMMAND");
      assertThat(web.call("QUIT")).isEqualTo("BYE");
      assertThat(web.next()).isEqualTo("CLOSED");
    }
  }

  @Test
  void isCountedInTheNodesOpenConnectionsUntilItQuits() throws Exception {
    try (ConsoleNode node = ConsoleNode.start("socket-count");
        LineClient tcp = node.node().connect("ann")) {
      Socket web = Socket.open(node);
      assertThat(web.next()).startsWith("WELCOME:guest-");
      assertThat(node.node().node().connectionCount()).as("the line client and the browser").isEqualTo(2);

      assertThat(web.call("QUIT")).isEqualTo("BYE");
      await().atMost(Duration.ofSeconds(10)).until(() -> node.node().node().connectionCount() == 1);
    }
  }

  @Test
  void countsAgainstTheNodesConnectionLimitWithTheTcpClients() throws Exception {
    try (ConsoleNode node = ConsoleNode.start("socket-limits", LimitsBuilder.limits().connections(1, 1).build());
        LineClient tcp = node.node().connect("ann")) {
      Socket web = Socket.open(node);
      assertThat(web.next()).isEqualTo("ERROR:TOO_MANY_CONNECTIONS");
      assertThat(web.next()).isEqualTo("CLOSED");
    }
  }
}
