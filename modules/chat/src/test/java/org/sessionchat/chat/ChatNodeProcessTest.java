package org.sessionchat.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.sessionchat.chat.testing.LineClient;
import org.sessionchat.session.testkit.FreePorts;

/**
 * The node as a process, the way scripts run it: READY on stdout once it serves, and on
 * SIGTERM BYE to its clients and exit 0 within a few seconds.
 */
class ChatNodeProcessTest {

  private static final Pattern READY = Pattern.compile("READY node=(\\S+) port=(\\d+) http=(\\d+) cluster=(\\d+) irc=(\\d+)");

  @Test
  void printsReadyThenOnSigtermSaysByeAndExitsZero() throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    int port = FreePorts.next();
    int ircPort = FreePorts.next();
    // the node's own logging configuration, not the tests' (several logback-test.xml are on the test class path)
    Process node = new ProcessBuilder(List.of(java.toString(), "-Xmx256m", "-Dlogback.configurationFile=logback.xml",
        "-cp", System.getProperty("java.class.path"),
        ChatNode.class.getName(), "--port", String.valueOf(port), "--node-name", "proc", "--irc-port", String.valueOf(ircPort)))
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
    try {
      BufferedReader stdout = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8));
      String ready = CompletableFuture.supplyAsync(() -> readLine(stdout)).get(60, TimeUnit.SECONDS);
      Matcher fields = READY.matcher(String.valueOf(ready));
      assertThat(fields.matches()).as("first stdout line: %s", ready).isTrue();
      assertThat(fields.group(1)).isEqualTo("proc");
      assertThat(fields.group(2)).isEqualTo(String.valueOf(port));
      assertThat(fields.group(3)).isEqualTo("0");
      assertThat(fields.group(4)).isEqualTo("1");
      assertThat(fields.group(5)).isEqualTo(String.valueOf(ircPort));
      try (org.sessionchat.chat.testing.IrcClient irc = org.sessionchat.chat.testing.IrcClient.connect(ircPort, "ann")) {
        irc.expectNothingPending();
      }
      CompletableFuture<List<String>> restOfStdout = CompletableFuture.supplyAsync(() -> stdout.lines().toList());

      try (LineClient client = LineClient.connect(Integer.parseInt(fields.group(2)), "ann")) {
        assertThat(client.welcome()).matches("WELCOME:guest-\\d+:proc");
        client.call("CREATE:r", "OK:CREATE:r").call("JOIN:r", "OK:JOIN:r");

        node.destroy(); // SIGTERM

        client.expect("BYE").expectClosed();
      }
      assertThat(node.waitFor(10, TimeUnit.SECONDS)).as("exited within 10 s").isTrue();
      assertThat(node.exitValue()).isZero();
      assertThat(restOfStdout.get(10, TimeUnit.SECONDS)).as("stdout after READY").isEmpty();
    } finally {
      node.destroyForcibly();
    }
  }

  private static String readLine(BufferedReader reader) {
    try {
      return reader.readLine();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
