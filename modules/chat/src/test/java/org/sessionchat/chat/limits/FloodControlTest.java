package org.sessionchat.chat.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.sessionchat.chat.testing.LimitsBuilder;
import org.sessionchat.chat.testing.LineClient;
import org.sessionchat.chat.testing.LocalChatNode;

/**
 * Flood control over real sockets: lines over the rate are read later, all of them, in order;
 * a flooder does not slow the others; only a client that floods past the flood timeout is cut.
 */
class FloodControlTest {

  @AutoClose
  private LocalChatNode node;

  @Test
  void aPasteOfThreeHundredLinesReachesTheRoomWholeAndInOrder() {
    node = LocalChatNode.start(LimitsBuilder.limits().rateLimit(new RateLimit(100, 20, Duration.ofSeconds(60))).build());
    try (LineClient ann = node.connect("ann"); LineClient bob = node.connect("bob")) {
      ann.call("CREATE:paste", "OK:CREATE:paste").call("JOIN:paste", "OK:JOIN:paste");
      bob.call("JOIN:paste", "OK:JOIN:paste");
      String paste = IntStream.rangeClosed(1, 300).mapToObj(i -> "CHAT:line " + i).collect(Collectors.joining("\n"));
      long start = System.nanoTime();
      ann.send(paste);
      for (int i = 1; i <= 300; i++) {
        bob.expect("MSG:paste:ann:line " + i);
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      assertThat(seconds).as("280 lines over the burst at 100 a second are delayed, not dropped").isGreaterThan(2.0);
      ann.expectNothingPending();
      assertThat(node.node().limitCounters().delayedLines()).isGreaterThanOrEqualTo(250);
      assertThat(node.node().limitCounters().waitingLines()).isZero();
      assertThat(node.node().limitCounters().disconnects(Disconnect.FLOOD)).isZero();
    }
  }

  @Test
  void aFlooderDoesNotKeepTheOthersWaiting() throws Exception {
    node = LocalChatNode.start(LimitsBuilder.limits().rateLimit(new RateLimit(20, 10, Duration.ofSeconds(60))).build());
    try (LineClient ann = node.connect("ann"); LineClient bob = node.connect("bob")) {
      ann.call("CREATE:busy", "OK:CREATE:busy").call("JOIN:busy", "OK:JOIN:busy");
      bob.call("JOIN:busy", "OK:JOIN:busy");
      try (Flooder flooder = Flooder.start(node.port(), "JOIN:busy", "CHAT:spam")) {
        bob.expect("MSG:busy:guest-3:spam"); // the flooder is in the room and talking
        assertAnnIsHeardAtOnce(ann, bob);
      }
    }
  }

  /** Ann's lines reach bob between the flooder's, each soon after it was sent. */
  private void assertAnnIsHeardAtOnce(LineClient ann, LineClient bob) {
    List<Long> millis = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      long start = System.nanoTime();
      ann.send("CHAT:hello " + i);
      String line;
      do {
        line = bob.next();
      } while (line.equals("MSG:busy:guest-3:spam")); // the flooder's lines, at its rate
      assertThat(line).isEqualTo("MSG:busy:ann:hello " + i);
      millis.add((System.nanoTime() - start) / 1_000_000);
    }
    assertThat(millis).as("ann's lines go through at once (generous bound: loaded machine)")
        .allSatisfy(ms -> assertThat(ms).isLessThan(2_000));
    assertThat(node.node().limitCounters().delayedLines()).isPositive();
    assertThat(node.node().limitCounters().disconnects(Disconnect.FLOOD)).isZero();
  }

  @Test
  void aClientFloodingPastTheFloodTimeoutGetsALastLineAndIsCut() throws Exception {
    node = LocalChatNode.start(LimitsBuilder.limits().rateLimit(new RateLimit(20, 10, Duration.ofSeconds(2))).build());
    try (Flooder flooder = Flooder.start(node.port(), "", "PING:f"); LineClient calm = LineClient.connect(node.port())) {
      List<String> lines = flooder.readToEnd();
      assertThat(lines).last().isEqualTo("ERROR:EXCESS_FLOOD");
      assertThat(lines.subList(1, lines.size() - 1)).as("every line before the cut was answered")
          .hasSizeGreaterThan(30).containsOnly("PONG:f");
      assertThat(node.node().limitCounters().disconnects(Disconnect.FLOOD)).isOne();
      calm.call("PING:still", "PONG:still");
    }
  }

  /** A client that writes the same line as fast as TCP lets it, until closed. */
  private static final class Flooder implements AutoCloseable {
    private final Socket socket;
    private final LineClient reader;
    private final AtomicBoolean flooding = new AtomicBoolean();
    private final Thread writer;

    private Flooder(int port, String first, String line) throws IOException {
      this.socket = new Socket("127.0.0.1", port);
      this.reader = LineClient.over(socket);
      byte[] batch = (line + "\n").repeat(100).getBytes(StandardCharsets.UTF_8);
      this.writer = new Thread(() -> {
        try {
          OutputStream out = socket.getOutputStream();
          while (!flooding.get()) {
            Thread.onSpinWait();
          }
          out.write((first.isEmpty() ? "" : first + "\n").getBytes(StandardCharsets.UTF_8));
          while (!socket.isClosed()) {
            out.write(batch);
          }
        } catch (IOException closed) {
          // the node cut us off, or the test is over
        }
      }, "flooder");
      writer.setDaemon(true);
      writer.start();
    }

    /** Connects, sends {@code first} (unless empty), then {@code line} again and again. */
    static Flooder start(int port, String first, String line) throws IOException {
      Flooder flooder = new Flooder(port, first, line);
      flooder.flooding.set(true);
      return flooder;
    }

    List<String> readToEnd() {
      List<String> lines = new ArrayList<>();
      lines.add(reader.welcome());
      for (String line = reader.next(); line != null; line = reader.next()) {
        lines.add(line);
      }
      return lines;
    }

    @Override
    public void close() throws Exception {
      socket.close();
      writer.join(5_000);
    }
  }
}
