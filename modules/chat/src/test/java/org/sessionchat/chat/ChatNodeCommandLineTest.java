package org.sessionchat.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sessionchat.chat.limits.Limits;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** The node's command line: usage errors exit 2, start-up failures exit 1, each with one clear line. */
class ChatNodeCommandLineTest {

  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cmd = ChatNode.commandLine();
    cmd.setErr(new PrintWriter(err, true));
    cmd.setOut(new PrintWriter(new StringWriter(), true));
    return cmd.execute(args);
  }

  @Test
  void badUsageExitsTwoWithTheProblemFirst() {
    assertThat(run("--port", "seven")).isEqualTo(2);
    assertThat(err.toString()).startsWith("session-chat: Invalid value for option '--port'").contains("Usage: session-chat");
  }

  @Test
  void outOfRangeValuesAreUsageErrors() {
    assertThat(run("--max-line", "0")).isEqualTo(2);
    assertThat(run("--port", "70000")).isEqualTo(2);
    assertThat(run("--event-loops", "-1")).isEqualTo(2);
    assertThat(err.toString()).contains("--max-line").contains("--port").contains("--event-loops");
  }

  @Test
  void twoListenersOnOnePortAreAUsageError() {
    assertThat(run("--port", "7100", "--irc-port", "7100")).isEqualTo(2);
    assertThat(err.toString()).startsWith("session-chat: --irc-port 7100 is --port's too: each listener needs a port of its own");
    assertThat(run("--host", "0.0.0.0", "--port", "7100", "--irc-port", "0", "--http-port", "7100")).isEqualTo(2);
    assertThat(err.toString()).contains("--http-port 7100 is --port's too");
  }

  @Test
  void aTakenPortExitsOneWithOneLineAndNoStackTrace() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      assertThat(run("--port", String.valueOf(taken.getLocalPort()))).isEqualTo(1);
    }
    assertThat(err.toString().strip()).startsWith("session-chat: cannot start: address already in use").doesNotContain("\n");
  }

  @Test
  void everyOptionHasADescriptionAndTheDocumentedDefault() {
    CommandSpec spec = ChatNode.commandLine().getCommandSpec();
    assertThat(spec.options()).allSatisfy(option -> assertThat(option.description()).isNotEmpty());
    assertThat(spec.findOption("--host").defaultValue()).isEqualTo("127.0.0.1");
    assertThat(spec.findOption("--port").defaultValue()).isEqualTo("7000");
    assertThat(spec.findOption("--max-line").defaultValue()).isEqualTo("4096");
    assertThat(spec.findOption("--http-port").defaultValue()).isEqualTo("0");
    assertThat(spec.findOption("--cluster-name").defaultValue()).isEqualTo("session-chat");
    assertThat(spec.findOption("--cluster-host").defaultValue()).isEqualTo("127.0.0.1");
    assertThat(spec.findOption("--cluster-port").defaultValue()).isEqualTo("5701");
    assertThat(spec.findOption("--cluster-members").defaultValue())
        .isEqualTo("127.0.0.1:5701,127.0.0.1:5702,127.0.0.1:5703,127.0.0.1:5704,127.0.0.1:5705");
    assertThat(spec.optionsMap()).containsKeys("--node-name", "--no-monitor", "--protocols", "--cluster", "--cluster-config");
  }

  private static ChatNode parsed(String... args) {
    ChatNode node = new ChatNode();
    new CommandLine(node).parseArgs(args);
    return node;
  }

  @Test
  void runsOneEventLoopPerCoreUnlessToldHowMany() {
    assertThat(parsed().vertxOptions().getEventLoopPoolSize()).isEqualTo(Runtime.getRuntime().availableProcessors());
    assertThat(parsed("--event-loops", "3").vertxOptions().getEventLoopPoolSize()).isEqualTo(3);
  }

  @Test
  void leavesTheContextClassLoaderAloneAroundHandlers() {
    assertThat(parsed().vertxOptions().getDisableTCCL()).isTrue();
  }

  @Test
  void defaultsBoundEveryClientAndKeepHttpOnLoopback() {
    ChatNode node = parsed();
    Limits limits = node.limits();
    assertThat(limits.maxConnections()).isEqualTo(10_000);
    assertThat(limits.maxConnectionsPerAddress()).isEqualTo(100);
    assertThat(limits.maxRooms()).isEqualTo(1_000);
    assertThat(limits.maxRoomMembers()).isEqualTo(1_000);
    assertThat(limits.idleTimeout()).isEqualTo(Duration.ofMinutes(5));
    assertThat(limits.rateLimit().enabled()).isTrue();
    assertThat(limits.rateLimit().linesPerSecond()).isEqualTo(20);
    assertThat(limits.rateLimit().floodTimeout()).isEqualTo(Duration.ofMinutes(1));
    assertThat(limits.maxOutboundBytes()).isEqualTo(1024 * 1024);
    assertThat(limits.maxUnendedLineBytes()).isEqualTo(1024 * 1024);
    assertThat(node.httpHost).isEqualTo("127.0.0.1");
    assertThat(node.tls()).isNull();
  }

  @Test
  void benchmarksSwitchFloodControlAndIdleTimeoutOff() {
    Limits limits = parsed("--no-rate-limit", "--idle-timeout", "0", "--max-line", "1000000").limits();
    assertThat(limits.rateLimit().enabled()).isFalse();
    assertThat(limits.idleTimeout()).isZero();
    assertThat(limits.maxUnendedLineBytes()).isEqualTo(4_000_000);
  }

  @Test
  void tlsNeedsBothReadableFilesAndLimitsNeedPositiveValues() {
    assertThat(run("--tls-cert", "cert.pem")).isEqualTo(2);
    assertThat(run("--tls-cert", "no-such-cert.pem", "--tls-key", "no-such-key.pem")).isEqualTo(2);
    assertThat(run("--max-connections", "0")).isEqualTo(2);
    assertThat(run("--rate-limit", "0")).isEqualTo(2);
    assertThat(err.toString()).contains("--tls-cert and --tls-key go together").contains("cannot read TLS file no-such-cert.pem")
        .contains("--max-connections").contains("--rate-limit");
  }

  @Test
  void clusterTlsNeedsAllThreeFilesAndACluster() {
    assertThat(run("--cluster", "--cluster-tls-cert", "node.pem")).isEqualTo(2);
    assertThat(err.toString()).contains("--cluster-tls-cert, --cluster-tls-key and --cluster-tls-ca go together");
    assertThat(run("--cluster", "--cluster-tls-cert", "node.pem", "--cluster-tls-key", "node-key.pem",
        "--cluster-tls-ca", "no-such-ca.pem")).isEqualTo(2);
    assertThat(err.toString()).contains("cannot read node.pem");
  }

  @Test
  void theClusterNameComesFromTheFileTheOptionTheEnvironmentOrTheDefault(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("cluster-name"), "  s3cret-name \nignored\n");
    ChatNode fromFile = parsed("--cluster-name-file", file.toString());
    assertThat(fromFile.clusterSecurity.clusterName("session-chat", false, Map.of())).isEqualTo("s3cret-name");
    ChatNode plain = parsed();
    assertThat(plain.clusterSecurity.clusterName("session-chat", false, Map.of(ClusterSecurityArgs.NAME_VARIABLE, "from-env")))
        .isEqualTo("from-env");
    assertThat(plain.clusterSecurity.clusterName("given", true, Map.of(ClusterSecurityArgs.NAME_VARIABLE, "from-env")))
        .isEqualTo("given");
    assertThat(plain.clusterSecurity.clusterName("session-chat", false, Map.of())).isEqualTo("session-chat");
  }

  @Test
  void aClusterNameFileMustNotBeEmptyNorCompeteWithTheOption(@TempDir Path dir) throws IOException {
    Path empty = Files.writeString(dir.resolve("empty"), "\n");
    assertThat(run("--cluster", "--cluster-name-file", empty.toString())).isEqualTo(2);
    assertThat(run("--cluster", "--cluster-name", "x", "--cluster-name-file", empty.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("is empty").contains("--cluster-name and --cluster-name-file exclude each other");
  }

  @Test
  void optionsCanComeFromAnArgumentFile(@TempDir Path dir) throws IOException {
    Path args = Files.writeString(dir.resolve("node1.args"), """
        # node1
        --cluster --cluster-host 10.0.0.1
        --cluster-members 10.0.0.1:5701,10.0.0.2:5701
        --cluster-tls-cert /etc/pki/node1.pem
        """);
    ChatNode node = parsed("@" + args);
    assertThat(node.cluster).isTrue();
    assertThat(node.clusterHost).isEqualTo("10.0.0.1");
    assertThat(node.clusterMembers).containsExactly("10.0.0.1:5701", "10.0.0.2:5701");
    assertThat(node.clusterSecurity.tlsCert).isEqualTo(Path.of("/etc/pki/node1.pem"));
  }
}
