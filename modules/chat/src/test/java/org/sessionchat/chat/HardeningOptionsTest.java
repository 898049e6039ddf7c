package org.sessionchat.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.sessionchat.chat.limits.Limits;
import picocli.CommandLine;

/** The options of limits, HTTP and TLS: safe defaults, and usage errors for what cannot work. */
class HardeningOptionsTest {

  private final StringWriter err = new StringWriter();

  private static ChatNode parsed(String... args) {
    ChatNode node = new ChatNode();
    new CommandLine(node).parseArgs(args);
    return node;
  }

  private int run(String... args) {
    CommandLine cmd = ChatNode.commandLine();
    cmd.setErr(new PrintWriter(err, true));
    cmd.setOut(new PrintWriter(new StringWriter(), true));
    return cmd.execute(args);
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
    assertThat(limits.rateLimit().abuseLines()).isEqualTo(5 * limits.rateLimit().burst());
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
}
