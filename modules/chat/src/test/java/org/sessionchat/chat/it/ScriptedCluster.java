package org.sessionchat.chat.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.sessionchat.session.testkit.TestProtocols;

/**
 * A cluster of real node JVMs driven through {@code scripts/cluster}, exactly as an operator
 * drives it: the integration tests therefore check the scripts as well as the nodes.
 *
 * <p>Why its own ports, cluster name and run directory: tests may run while other clusters
 * (a developer's, another test run) are up on the same machine; nothing is shared with them.
 * {@link #close()} stops every node by PID, with SIGKILL for any that does not stop, even
 * when the test failed.
 */
final class ScriptedCluster implements AutoCloseable {

  private static final Duration SCRIPT_TIMEOUT = Duration.ofSeconds(180);

  private final Path root;
  private final Path runDir;
  private final int basePort;
  private final int httpBasePort;
  private final int clusterBasePort;
  private final int ircBasePort;
  private final String clusterName = "it-" + UUID.randomUUID();
  private final Map<String, String> settings = new HashMap<>();
  private int nodes;

  ScriptedCluster() throws IOException {
    this.root = repositoryRoot();
    this.runDir = root.resolve("modules/chat/target/it-clusters/" + clusterName);
    Files.createDirectories(runDir);
    int[] bases = freeBasePorts(4, 10);
    this.basePort = bases[0];
    this.httpBasePort = bases[1];
    this.clusterBasePort = bases[2];
    this.ircBasePort = bases[3];
  }

  /**
   * Mutual TLS on the event bus with certificates {@code scripts/cluster} has
   * {@code scripts/cluster-certs} make in the run directory (call before {@link #start}).
   */
  ScriptedCluster withTls() {
    settings.put("CHAT_CLUSTER_CERTS", certificates().toString());
    return this;
  }

  /** Where the cluster's CA and node certificates are (with {@link #withTls()}). */
  Path certificates() {
    return runDir.resolve("certs");
  }

  /**
   * Adds node n+1 with {@code scripts/cluster add}, its settings changed by {@code overrides}
   * (e.g. another CA's certificates), and returns its number once it serves.
   */
  int add(Map<String, String> overrides) throws Exception {
    Map<String, String> saved = new HashMap<>(settings);
    settings.putAll(overrides);
    try {
      nodes++;
      run("add");
      return nodes;
    } finally {
      settings.clear();
      settings.putAll(saved);
    }
  }

  /** The Hazelcast port of node {@code i}. */
  int clusterPort(int node) {
    return clusterBasePort + node;
  }

  /**
   * Starts nodes 1..n and returns once every node serves and sees n members. If start-up
   * fails, every node already started is stopped (killed by PID if need be) before the
   * failure is thrown: a try-with-resources that never got its resource would leak them.
   */
  ScriptedCluster start(int n) throws Exception {
    this.nodes = n;
    try {
      run("start", String.valueOf(n));
    } catch (Exception | AssertionError e) {
      try {
        close();
      } catch (Exception | AssertionError suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
    return this;
  }

  void kill(int node) throws Exception {
    run("kill", String.valueOf(node));
  }

  void restart(int node) throws Exception {
    run("restart", String.valueOf(node));
  }

  /** Sends SIGTERM to node {@code i} (a graceful stop) and waits until its process is gone. */
  void terminate(int node, Duration within) throws Exception {
    ProcessHandle handle = process(node).orElseThrow(() -> new AssertionError("node" + node + " is not running"));
    handle.destroy();
    boolean gone = handle.onExit().thenApply(h -> true).completeOnTimeout(false, within.toMillis(), TimeUnit.MILLISECONDS).get();
    assertThat(gone).as("node%d exits within %s of SIGTERM", node, within).isTrue();
  }

  int port(int node) {
    return basePort + node;
  }

  /** Node {@code node}'s IRC port. */
  int ircPort(int node) {
    return ircBasePort + node;
  }

  /** The port of node {@code i}'s {@code /health}, {@code /metrics} and web console. */
  int httpPort(int node) {
    return httpBasePort + node;
  }

  String log(int node) throws IOException {
    return Files.readString(runDir.resolve("node" + node + ".log"), StandardCharsets.UTF_8);
  }

  Optional<ProcessHandle> process(int node) {
    try {
      long pid = Long.parseLong(Files.readString(runDir.resolve("node" + node + ".pid")).trim());
      return ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** The script's own output, for assertion messages. */
  String run(String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add("bash");
    command.add(root.resolve("scripts/cluster").toString());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true);
    Map<String, String> env = builder.environment();
    env.putAll(environment());
    Path out = Files.createTempFile(runDir, "script-", ".out");
    builder.redirectOutput(out.toFile());
    Process process = builder.start();
    try {
      boolean finished = process.waitFor(SCRIPT_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      String output = Files.readString(out);
      assertThat(finished).as("scripts/cluster %s finished in time; output:%n%s", String.join(" ", args), output).isTrue();
      assertThat(process.exitValue()).as("scripts/cluster %s exit code; output:%n%s", String.join(" ", args), output).isZero();
      return output;
    } finally {
      process.destroyForcibly();
    }
  }

  private Map<String, String> environment() {
    Map<String, String> env = new HashMap<>();
    env.put("CHAT_BASE_PORT", String.valueOf(basePort));
    env.put("CHAT_HTTP_BASE_PORT", String.valueOf(httpBasePort));
    env.put("CHAT_CLUSTER_BASE_PORT", String.valueOf(clusterBasePort));
    env.put("CHAT_IRC_BASE_PORT", String.valueOf(ircBasePort));
    env.put("CHAT_CLUSTER_NAME", clusterName);
    env.put("CHAT_RUN_DIR", runDir.toString());
    env.put("CHAT_JVM_OPTS", "-Xmx384m -XX:+UseSerialGC");
    env.put("CHAT_START_TIMEOUT", "150");
    env.putAll(settings);
    return env;
  }

  @Override
  public void close() throws Exception {
    try {
      if (nodes > 0) {
        run("stop");
      }
    } finally {
      for (int i = 1; i <= nodes; i++) {
        process(i).ifPresent(ProcessHandle::destroyForcibly);
      }
    }
  }

  private static Path repositoryRoot() {
    Path root = TestProtocols.projectProtocols().getParent();
    if (!Files.isRegularFile(root.resolve("scripts/cluster"))) {
      throw new IllegalStateException("scripts/cluster not found in " + root);
    }
    return root;
  }

  /** {@code count} base ports b such that b+1..b+width are all free. */
  private static int[] freeBasePorts(int count, int width) throws IOException {
    int[] bases = new int[count];
    int found = 0;
    while (found < count) {
      int base = 20_000 + ThreadLocalRandom.current().nextInt(2_000) * 10;
      if (rangeFree(base, width) && !overlaps(bases, found, base, width)) {
        bases[found++] = base;
      }
    }
    return bases;
  }

  private static boolean overlaps(int[] bases, int found, int base, int width) {
    for (int i = 0; i < found; i++) {
      if (Math.abs(bases[i] - base) <= width) {
        return true;
      }
    }
    return false;
  }

  private static boolean rangeFree(int base, int width) {
    for (int port = base + 1; port <= base + width; port++) {
      try (ServerSocket socket = new ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
        socket.setReuseAddress(true);
      } catch (IOException e) {
        return false;
      }
    }
    return true;
  }
}
