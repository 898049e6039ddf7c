package org.sessionchat.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sessionchat.chat.testing.LineClient;

/**
 * SIGTERM of a real node process: every client gets {@code BYE}, the process exits 0 within
 * a bound and logs no stack trace.
 */
class GracefulShutdownTest {

  private static final Pattern READY = Pattern.compile("READY node=\\S+ port=(\\d+) http=(\\d+)");
  private static final long EXIT_BOUND_SECONDS = 10;

  @TempDir
  Path dir;

  private Process process;

  @AfterEach
  void killLeftovers() {
    if (process != null && process.isAlive()) {
      process.destroyForcibly();
    }
  }

  @Test
  void sigtermSaysByeToEveryClientAndExitsZeroInTime() throws Exception {
    Path log = dir.resolve("node.log");
    String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), ChatNode.class.getName(),
        "--port", "0", "--node-name", "sigterm-node")
        .redirectError(log.toFile())
        .start();
    int port = awaitReady(process);

    try (LineClient ann = LineClient.connect(port, "ann"); LineClient bob = LineClient.connect(port, "bob")) {
      ann.call("CREATE:closing", "OK:CREATE:closing").call("JOIN:closing", "OK:JOIN:closing");
      bob.call("JOIN:closing", "OK:JOIN:closing");

      long signalled = System.nanoTime();
      process.destroy(); // SIGTERM
      ann.expect("BYE").expectClosed();
      bob.expect("BYE").expectClosed();
      assertThat(process.waitFor(EXIT_BOUND_SECONDS, TimeUnit.SECONDS)).as("exited within the bound").isTrue();
      assertThat(process.exitValue()).isZero();
      assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - signalled)).isLessThan(EXIT_BOUND_SECONDS);
    }
    List<String> logLines = Files.readAllLines(log, StandardCharsets.UTF_8);
    assertThat(logLines).anySatisfy(line -> assertThat(line).contains("Node sigterm-node stopped"));
    assertThat(logLines).noneSatisfy(line -> assertThat(line).matches("\\s+at .*|.*Exception.*"));
  }

  /** Reads the node's stdout up to its READY line (bounded) and returns the client port. */
  private static int awaitReady(Process node) throws Exception {
    CompletableFuture<Integer> port = CompletableFuture.supplyAsync(() -> {
      try {
        BufferedReader out = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8));
        for (String line = out.readLine(); line != null; line = out.readLine()) {
          Matcher ready = READY.matcher(line);
          if (ready.find()) {
            return Integer.parseInt(ready.group(1));
          }
        }
        throw new IllegalStateException("the node ended before it was ready");
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    });
    return port.get(60, TimeUnit.SECONDS);
  }
}
