package org.sessionchat.chat.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.sessionchat.chat.testing.IrcClient;
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
  private static final int TIMELINE_LINES = 40;
  private static final DateTimeFormatter LOG_TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");
  /** The log lines {@link #timeline()} keeps. */
  private static final Pattern TIMELINE = Pattern.compile(" (WARN|ERROR) |HangDetector|NodeRuntime|ClusterChanges|serving: ");

  private final Path root;
  private final Path runDir;
  private final int basePort;
  private final int httpBasePort;
  private final int clusterBasePort;
  private final int clusterBusBasePort;
  private final int ircBasePort;
  private final String clusterName = "it-" + UUID.randomUUID();
  private final Map<String, String> settings = new HashMap<>();
  /** Each node on its own loopback address 127.X.Y.i, or all on 127.0.0.1 when null. */
  private final String hostPattern;
  private final String nftTable = "session_chat_it_" + UUID.randomUUID().toString().substring(0, 8);
  private final List<Integer> paused = new ArrayList<>();
  private boolean split;
  private int nodes;
  /** {@link System#nanoTime()} when {@link #start} returned: every node served. */
  private long startedNanos;
  /** The time of day {@link #close()} began ({@code HH:mm:ss.SSS}, as the node logs write it); null before. */
  private String closingAt;

  ScriptedCluster() throws IOException {
    this(false);
  }

  /**
   * @param ownAddresses each node on its own loopback address (needed to {@link #split} it)
   */
  ScriptedCluster(boolean ownAddresses) throws IOException {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    this.hostPattern = ownAddresses ? "127." + random.nextInt(100, 250) + "." + random.nextInt(1, 250) + ".%d" : null;
    this.root = repositoryRoot();
    this.runDir = root.resolve("modules/chat/target/it-clusters/" + clusterName);
    Files.createDirectories(runDir);
    ClusterLogsOnFailure.opened(this);
    int[] bases = freeBasePorts(5, 10);
    this.basePort = bases[0];
    this.httpBasePort = bases[1];
    this.clusterBasePort = bases[2];
    this.ircBasePort = bases[3];
    this.clusterBusBasePort = bases[4];
  }

  /**
   * Mutual TLS on the event bus with certificates {@code scripts/cluster} has
   * {@code scripts/cluster-certs} make in the run directory (call before {@link #start}).
   */
  ScriptedCluster withTls() {
    settings.put("CHAT_CLUSTER_CERTS", certificates().toString());
    return this;
  }

  /** Extra command-line options for every node (scripts/cluster's {@code CHAT_NODE_OPTS}); call before {@link #start}. */
  ScriptedCluster withNodeOptions(String options) {
    settings.put("CHAT_NODE_OPTS", options);
    return this;
  }

  /**
   * Every node starts from a copy of {@code cluster-config/hazelcast.xml} with these Hazelcast
   * properties set (replaced where the file has them, added where it does not); call before
   * {@link #start}. E.g. to make Hazelcast's own failure detection slow, so that a test sees
   * what happens before the member list changes.
   */
  ScriptedCluster withHazelcastProperties(Map<String, String> properties) throws IOException {
    String xml = Files.readString(root.resolve("cluster-config/hazelcast.xml"), StandardCharsets.UTF_8);
    for (Map.Entry<String, String> property : properties.entrySet()) {
      String element = "<property name=\"" + property.getKey() + "\">" + property.getValue() + "</property>";
      String existing = "<property name=\"" + java.util.regex.Pattern.quote(property.getKey()) + "\">[^<]*</property>";
      String replaced = xml.replaceFirst(existing, java.util.regex.Matcher.quoteReplacement(element));
      xml = replaced.equals(xml) && !xml.contains(element)
          ? xml.replaceFirst("<properties>", java.util.regex.Matcher.quoteReplacement("<properties>\n    " + element))
          : replaced;
    }
    Path config = runDir.resolve("hazelcast.xml");
    Files.writeString(config, xml, StandardCharsets.UTF_8);
    settings.put("CHAT_CLUSTER_CONFIG", config.toString());
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
      startedNanos = System.nanoTime();
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

  /**
   * Waits until the nodes have run together for {@code steady} since {@link #start} returned.
   *
   * <p>Why: a node's first heartbeats come while its JVM is busiest (class loading, JIT,
   * deploying its verticles), so on a loaded machine they can be seconds apart; a
   * phi-accrual judgment of a member that joined moments ago weighs those gaps heavily and
   * waits longer (a 3 s gap among the first ones: over 5 s of silence tolerated). A test of
   * how fast a hung member is found needs members whose heartbeats have settled.
   */
  void awaitSteady(Duration steady) throws InterruptedException {
    long left = startedNanos + steady.toNanos() - System.nanoTime();
    if (left > 0) {
      TimeUnit.NANOSECONDS.sleep(left);
    }
  }

  /**
   * The nodes' log lines about members, failure detection and warnings up to {@link #close()},
   * merged in time order (the last {@value #TIMELINE_LINES}), each prefixed with its node.
   */
  String timeline() {
    List<String> lines = new ArrayList<>();
    for (int node = 1; node <= nodes; node++) {
      try {
        for (String line : log(node).split("\\R")) {
          if (TIMELINE.matcher(line).find() && (closingAt == null || line.length() < 12 || line.substring(0, 12).compareTo(closingAt) <= 0)) {
            String text = line.length() > 240 ? line.substring(0, 240) + "..." : line;
            lines.add(text.length() > 12 ? text.substring(0, 12) + " node" + node + text.substring(12) : text);
          }
        }
      } catch (IOException e) {
        lines.add("node" + node + ": log unreadable: " + e);
      }
    }
    lines.sort(null); // each line starts with its HH:mm:ss.SSS
    List<String> last = lines.subList(Math.max(0, lines.size() - TIMELINE_LINES), lines.size());
    return "logs of cluster " + clusterName + " (members, failure detection, warnings):" + System.lineSeparator()
        + String.join(System.lineSeparator(), last);
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

  /** The address node {@code i} listens on. */
  java.net.InetAddress host(int node) throws IOException {
    return java.net.InetAddress.getByName(hostPattern == null ? "127.0.0.1" : hostPattern.replace("%d", String.valueOf(node)));
  }

  /** A client named {@code nick} on node {@code i}. */
  ChatConnection connect(String nick, int node) throws Exception {
    return ChatConnection.as(nick, host(node), port(node));
  }

  /** SIGSTOP of node {@code i}: it hangs (a long GC, a stopped VM); {@link #resume} undoes it. */
  void pause(int node) throws Exception {
    faults("pause", String.valueOf(node));
    paused.add(node);
  }

  void resume(int node) throws Exception {
    faults("resume", String.valueOf(node));
    paused.remove(Integer.valueOf(node));
  }

  /** Drops all traffic between the two groups of nodes (nftables on lo); {@link #heal} undoes it. */
  void split(String groupA, String groupB) throws Exception {
    split = true;
    faults("split", groupA, groupB);
  }

  void heal() throws Exception {
    faults("heal");
    split = false;
  }

  /** True if this machine can split a cluster: root and nftables. */
  static boolean canSplit() {
    try {
      Process check = new ProcessBuilder("nft", "list", "tables").redirectErrorStream(true).start();
      return check.waitFor(10, TimeUnit.SECONDS) && check.exitValue() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  /** Cluster members node {@code i} sees, from its {@code /health} (-1 if it does not answer). */
  int clusterSize(int node) {
    try {
      java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
          java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://" + host(node).getHostAddress() + ":"
              + httpPort(node) + "/health")).timeout(Duration.ofSeconds(2)).build(),
          java.net.http.HttpResponse.BodyHandlers.ofString());
      java.util.regex.Matcher size = java.util.regex.Pattern.compile("\"clusterSize\":(\\d+)").matcher(response.body());
      return size.find() ? Integer.parseInt(size.group(1)) : -1;
    } catch (IOException | InterruptedException | RuntimeException e) {
      return -1;
    }
  }

  /** Node {@code node}'s IRC port. */
  int ircPort(int node) {
    return ircBasePort + node;
  }

  /** An IRC client registered as {@code nick} on node {@code i}. */
  IrcClient irc(String nick, int node) throws IOException {
    return IrcClient.connect(host(node).getHostAddress(), ircPort(node), nick);
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
    return script("scripts/cluster", args);
  }

  private String faults(String... args) throws Exception {
    return script("scripts/faults", args);
  }

  private String script(String script, String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add("bash");
    command.add(root.resolve(script).toString());
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
      assertThat(finished).as("%s %s finished in time; output:%n%s", script, String.join(" ", args), output).isTrue();
      assertThat(process.exitValue()).as("%s %s exit code; output:%n%s", script, String.join(" ", args), output).isZero();
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
    env.put("CHAT_CLUSTER_BUS_BASE_PORT", String.valueOf(clusterBusBasePort));
    env.put("CHAT_IRC_BASE_PORT", String.valueOf(ircBasePort));
    env.put("CHAT_CLUSTER_NAME", clusterName);
    env.put("CHAT_RUN_DIR", runDir.toString());
    env.put("CHAT_JVM_OPTS", "-Xmx384m -XX:+UseSerialGC");
    env.put("CHAT_START_TIMEOUT", "150");
    env.putAll(settings);
    env.put("CHAT_NFT_TABLE", nftTable);
    if (hostPattern != null) {
      env.put("CHAT_NODE_HOST_PATTERN", hostPattern);
    }
    return env;
  }

  @Override
  public void close() throws Exception {
    closingAt = LocalTime.now().format(LOG_TIME);
    try {
      if (split) {
        heal();
      }
      for (int node : List.copyOf(paused)) {
        resume(node);
      }
      if (nodes > 0) {
        run("stop");
      }
    } finally {
      if (split) { // heal failed above: delete the table by its name, whatever happened
        new ProcessBuilder("nft", "delete", "table", "inet", nftTable).start().waitFor(10, TimeUnit.SECONDS);
      }
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
