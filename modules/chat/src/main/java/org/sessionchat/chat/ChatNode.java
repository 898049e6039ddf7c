package org.sessionchat.chat;

import ch.qos.logback.classic.LoggerContext;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.sessionchat.chat.http.MetricsRoute;
import org.sessionchat.chat.limits.Limits;
import org.sessionchat.chat.limits.RateLimit;
import org.sessionchat.chat.metrics.NodeMetrics;
import org.sessionchat.chat.net.ServerTls;
import org.sessionchat.chat.web.WebConsole;
import org.sessionchat.session.ClusterOptions;
import org.sessionchat.session.ClusterSetup;
import org.sessionchat.session.HangDetection;
import org.sessionchat.session.SessionRuntimeOptions;
import org.sessionchat.session.security.PeerCertificateCheck;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The chat node process: {@code java -jar session-chat.jar [options]}.
 *
 * <p>Prints {@code READY node=.. port=.. http=.. cluster=..} on stdout once it serves, so
 * scripts can wait for it. SIGTERM closes it in order (no new clients, {@code BYE} to the
 * connected ones, actors stopped with their peers told, cluster left) and exits 0. Exit 2
 * for bad usage, 1 when the node cannot start; both with a one-line message.
 */
@Command(name = "session-chat", mixinStandardHelpOptions = true, sortOptions = false,
    versionProvider = ChatNode.Version.class, usageHelpWidth = 120,
    description = "A chat node whose actors talk only through monitored multiparty sessions.")
public final class ChatNode implements Callable<Integer> {

  private static final Logger log = LoggerFactory.getLogger(ChatNode.class);
  private static final long START_TIMEOUT_SECONDS = 120;
  private static final long STOP_TIMEOUT_MILLIS = 4_000;

  @Spec
  private CommandSpec spec;

  @Option(names = "--host", defaultValue = "127.0.0.1", description = "Interface for chat clients (default: ${DEFAULT-VALUE}).")
  String host;

  @Option(names = "--tls-cert", paramLabel = "PEM", description = "Certificate (chain) for TLS on the client port; needs --tls-key (default: plain TCP).")
  Path tlsCert;

  @Option(names = "--tls-key", paramLabel = "PEM", description = "Private key of --tls-cert (default: plain TCP).")
  Path tlsKey;

  @Option(names = "--port", defaultValue = "7000", description = "TCP port for chat clients; 0 = ephemeral (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--irc-port", defaultValue = "6667", description = "TCP port for IRC clients on --host; 0 = no IRC listener (default: ${DEFAULT-VALUE}).")
  int ircPort;

  @Option(names = "--server-name", description = "IRC server name: the prefix of server replies and in 001-004 (default: the node name).")
  String serverName;

  @Option(names = "--node-name", description = "Name shown to clients and in logs (default: node-<port>).")
  String nodeName;

  @Option(names = "--max-line", defaultValue = "4096", paramLabel = "BYTES", description = "Longest client line accepted, in bytes (default: ${DEFAULT-VALUE}).")
  int maxLine;

  @Option(names = "--max-connections", defaultValue = "10000", description = "Client connections open on this node at once (default: ${DEFAULT-VALUE}).")
  int maxConnections;

  @Option(names = "--max-connections-per-address", defaultValue = "100", description = "Client connections open at once from one IP address (default: ${DEFAULT-VALUE}).")
  int maxConnectionsPerAddress;

  @Option(names = "--max-rooms", defaultValue = "1000", description = "Rooms hosted on this node; more CREATEs get ERROR:TOO_MANY_ROOMS (default: ${DEFAULT-VALUE}).")
  int maxRooms;

  @Option(names = "--max-room-members", defaultValue = "1000", description = "Members of one room; more JOINs get ERROR:ROOM_FULL (default: ${DEFAULT-VALUE}).")
  int maxRoomMembers;

  @Option(names = "--idle-timeout", defaultValue = "300", paramLabel = "SECONDS", description = "Disconnect a client that sends no line for this long (PING keeps it alive); 0 = never (default: ${DEFAULT-VALUE}).")
  int idleTimeoutSeconds;

  @Option(names = "--rate-limit", defaultValue = "20", paramLabel = "LINES", description = "Lines per second one client may send; faster lines are read later, none is dropped (default: ${DEFAULT-VALUE}).")
  int rateLimit;

  @Option(names = "--rate-burst", defaultValue = "40", paramLabel = "LINES", description = "Lines one client may send at once after a quiet spell (default: ${DEFAULT-VALUE}).")
  int rateBurst;

  @Option(names = "--flood-timeout", defaultValue = "60", paramLabel = "SECONDS", description = "Disconnect a client that stays over --rate-limit this long without a 1-second break; 0 = never (default: ${DEFAULT-VALUE}).")
  int floodTimeoutSeconds;

  @Option(names = "--no-rate-limit", description = "No flood control (for benchmarks).")
  boolean noRateLimit;

  @Option(names = "--max-outbound", defaultValue = "1048576", paramLabel = "BYTES", description = "Bytes waiting to be sent to one client before it counts as not reading and is disconnected (default: ${DEFAULT-VALUE}).")
  int maxOutbound;

  @Option(names = "--no-monitor", description = "Do not check messages against the protocols (for measurement only).")
  boolean noMonitor;

  @Option(names = "--protocols", paramLabel = "DIR", description = "Directory with the .scr protocols and chat-roles.json (default: the bundled ones).")
  Path protocols;

  @Option(names = "--http-port", defaultValue = "0", description = "Port of GET /health, GET /metrics and the web console on --http-host; 0 = off (default: ${DEFAULT-VALUE}).")
  int httpPort;

  @Option(names = "--no-console", description = "No web console (chat page and live session view) on the HTTP port; /health and /metrics stay.")
  boolean noConsole;

  @Option(names = "--eventbus-metrics", description = "Also export Vert.x's per-message event-bus metrics (vertx_eventbus_*) on /metrics; they cost about a third of a busy node's CPU.")
  boolean eventBusMetrics;

  @Option(names = "--http-host", defaultValue = "127.0.0.1", description = "Interface for /health, /metrics and the web console (default: ${DEFAULT-VALUE}).")
  String httpHost;

  @Option(names = "--cluster", description = "Join a Hazelcast cluster (default: run alone, no cluster).")
  boolean cluster;

  @Option(names = "--cluster-name", defaultValue = "session-chat", description = "Only nodes with the same name form a cluster (default: ${DEFAULT-VALUE}).")
  String clusterName;

  @Option(names = "--cluster-host", defaultValue = "127.0.0.1", description = "Interface for Hazelcast and the event bus (default: ${DEFAULT-VALUE}).")
  String clusterHost;

  @Option(names = "--cluster-port", defaultValue = "5701", description = "First Hazelcast port to try; moves up if taken (default: ${DEFAULT-VALUE}).")
  int clusterPort;

  @Option(names = "--cluster-members", split = ",", paramLabel = "HOST:PORT",
      defaultValue = "127.0.0.1:5701,127.0.0.1:5702,127.0.0.1:5703,127.0.0.1:5704,127.0.0.1:5705",
      description = "Hazelcast members to join, comma-separated (default: ${DEFAULT-VALUE}).")
  List<String> clusterMembers;

  @Option(names = "--cluster-bus-port", defaultValue = "0", description = "Port of the clustered event bus on --cluster-host; 0 = any free one (default: ${DEFAULT-VALUE}). Fix it when a firewall sits between nodes.")
  int clusterBusPort;

  @Option(names = "--cluster-quorum", defaultValue = "0", paramLabel = "N", description = "Members a side of a split cluster needs to create rooms; a majority of the cluster, e.g. 2 of 3. 0 = none (default: ${DEFAULT-VALUE}).")
  int clusterQuorum;

  @Option(names = "--hang-pause", defaultValue = "500", paramLabel = "MS", description = "Silence from a cluster member tolerated on top of its usual gap between heartbeats before this node suspects it hung (SIGSTOP, a long GC); judged ten times a second by a phi-accrual detector, which waits longer by itself when heartbeats come irregularly. 0 = leave hung members to Hazelcast's once-a-second check, about a second later (default: ${DEFAULT-VALUE}).")
  int hangPauseMillis;

  @Option(names = "--event-loops", defaultValue = "0", paramLabel = "N", description = "Event-loop threads: every client port has a server on each, and a client's actor runs on its connection's loop. 0 = one per core; Vert.x's own default is two per core, which on a busy machine costs more CPU per line (default: ${DEFAULT-VALUE}).")
  int eventLoops;

  @Option(names = "--cluster-config", paramLabel = "FILE", description = "Hazelcast XML to start from (default: built-in loopback settings).")
  Path clusterConfig;

  @Mixin
  ClusterSecurityArgs clusterSecurity;

  /** Checks the event-bus certificates of joining members; null without cluster TLS. */
  private volatile PeerCertificateCheck peerCheck;

  public static void main(String[] args) {
    System.setProperty("hazelcast.logging.type", "slf4j");
    System.setProperty("hazelcast.shutdownhook.enabled", "false"); // our hook leaves the cluster in order
    System.exit(commandLine().execute(args));
  }

  /** The command line with this project's error handling: one line for start-up failures. */
  static CommandLine commandLine() {
    return new CommandLine(new ChatNode())
        .setParameterExceptionHandler((e, args) -> {
          CommandLine cmd = e.getCommandLine();
          cmd.getErr().println("session-chat: " + e.getMessage());
          cmd.getErr().print(cmd.getHelp().synopsisHeading() + cmd.getHelp().synopsis(0));
          cmd.getErr().println("Try 'session-chat --help' for the options and their defaults.");
          return cmd.getCommandSpec().exitCodeOnInvalidInput();
        })
        .setExecutionExceptionHandler((e, cmd, parsed) -> {
          cmd.getErr().println("session-chat: cannot start: " + StartupFailure.describe(e));
          return 1;
        });
  }

  @Override
  public Integer call() throws Exception {
    checkRanges();
    checkListenersApart();
    ServerTls tls = tls();
    ClusterTrust trust = clusterTrust();
    String name = cluster ? resolvedClusterName() : null;
    SessionRuntimeOptions runtimeOptions = protocols == null
        ? ProtocolSource.bundled(!noMonitor)
        : ProtocolSource.directory(protocols, !noMonitor);
    if (trust != null) {
      runtimeOptions = trust.bindingSenders(runtimeOptions);
    }
    // a pause of 0 is HangDetection.OFF
    runtimeOptions = runtimeOptions.withHangDetection(
        new HangDetection(Duration.ofMillis(hangPauseMillis), HangDetection.DEFAULT.phiThreshold()));
    NodeMetrics metrics = new NodeMetrics(eventBusMetrics);
    Vertx vertx = await(cluster ? clusteredVertx(metrics, name, trust)
        : Future.succeededFuture(metrics.instrument(Vertx.builder(), vertxOptions()).build()));
    try {
      serve(vertx, runtimeOptions, metrics, tls);
    } catch (Exception e) {
      vertx.close().await(STOP_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
      throw e;
    }
    new CountDownLatch(1).await(); // the shutdown hook ends the process
    return 0;
  }

  private void serve(Vertx vertx, SessionRuntimeOptions runtimeOptions, NodeMetrics metrics, ServerTls tls)
      throws Exception {
    String configuredName = nodeName != null ? nodeName : "node-" + port;
    HealthServer health = httpPort == 0 ? null : await(HealthServer.start(vertx, httpHost, httpPort, configuredName));
    ChatServerNode node = await(ChatServerNode.start(vertx, runtimeOptions,
        ircSettings(new ChatServerNode.Settings(nodeName, host, port, maxLine, limits(), tls)
            .withClusterQuorum(cluster ? clusterQuorum : 0))));
    metrics.bind(node);
    if (health != null) {
      health.route(MetricsRoute.PATH, new MetricsRoute(metrics)).serving(node);
    }
    WebConsole console = health == null || noConsole ? null : await(WebConsole.mount(vertx, health.router(), node,
        runtimeOptions.protocols(), runtimeOptions.monitorEnabled(), health.port()));
    Runtime.getRuntime().addShutdownHook(new Thread(() -> shutdown(vertx, node, health, console, peerCheck), "shutdown"));
    String ready = "READY node=" + node.nodeName() + " port=" + node.port()
        + " http=" + (health == null ? 0 : health.port()) + " cluster=" + node.runtime().clusterNodes().size()
        + " irc=" + Math.max(0, node.ircPort());
    log.info("Node {} serving: clients on port {}, IRC {}, HTTP {}, {} cluster member(s), monitor {}", node.nodeName(),
        node.port(), node.ircPort() > 0 ? node.ircPort() : "off", health == null ? "off" : health.port(),
        node.runtime().clusterNodes().size(), noMonitor ? "off" : "on");
    System.out.println(ready);
    System.out.flush();
  }

  /**
   * Vert.x as shipped but for its event loops: one per core unless asked otherwise. Why not
   * Vert.x's two per core: a room's line reaches every loop that holds a member, so more loops
   * than cores means more wake-ups and thinner batches for the same lines (measured in
   * docs/benchmark-log.md: 10-30 % more CPU per delivery with four loops on two cores).
   *
   * <p>And without Vert.x setting each thread's context class loader around every handler:
   * the node runs on one class loader, so the loader set is always the one already there, but
   * the two writes cost a memory barrier each, and a room's line runs a handler per member
   * (each member's delivery is code of its own actor's context).
   */
  VertxOptions vertxOptions() {
    int loops = eventLoops == 0 ? Runtime.getRuntime().availableProcessors() : eventLoops;
    return new VertxOptions().setEventLoopPoolSize(loops).setDisableTCCL(true);
  }

  private String resolvedClusterName() {
    String name = clusterSecurity.clusterName(clusterName,
        spec.commandLine().getParseResult().hasMatchedOption("--cluster-name"), System.getenv());
    if (ClusterSecurityArgs.DEFAULT_NAME.equals(name) && !clusterHost.startsWith("127.")) {
      log.warn("The cluster name is the public default '{}' on {}: choose one with --cluster-name-file or {}",
          name, clusterHost, ClusterSecurityArgs.NAME_VARIABLE);
    }
    return name;
  }

  private Future<Vertx> clusteredVertx(NodeMetrics metrics, String name, ClusterTrust trust) {
    ClusterOptions options = new ClusterOptions(name, clusterHost, clusterPort, clusterMembers, clusterConfig);
    EventBusOptions eventBus = new EventBusOptions().setHost(clusterHost).setPort(clusterBusPort);
    if (trust != null) {
      trust.tls().applyTo(eventBus);
      options = trust.announcedIn(options);
    }
    HazelcastClusterManager clusterManager = ClusterSetup.clusterManager(options);
    return metrics.instrument(Vertx.builder(), vertxOptions().setEventBusOptions(eventBus))
        .withClusterManager(clusterManager)
        .buildClustered()
        .onSuccess(vertx -> {
          if (trust != null) {
            peerCheck = PeerCertificateCheck.start(vertx, clusterManager, trust.tls());
          }
        });
  }

  private static void shutdown(Vertx vertx, ChatServerNode node, HealthServer health, WebConsole console,
      PeerCertificateCheck peerCheck) {
    log.info("Stopping node {}", node.nodeName());
    try {
      if (peerCheck != null) {
        peerCheck.close();
      }
      if (health != null) {
        health.serving(null);
      }
      if (console != null) {
        console.close().await(STOP_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
      }
      node.close().await(STOP_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
      vertx.close().await(STOP_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      log.warn("Node {} did not stop cleanly: {}", node.nodeName(), StartupFailure.describe(e));
    } finally {
      if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logback) {
        logback.stop();
      }
      Runtime.getRuntime().halt(0); // SIGTERM is an orderly stop: exit 0, not 143
    }
  }

  /** The limits the options ask for; a line that never ends may run to 4 times --max-line, at least 1 MiB. */
  Limits limits() {
    RateLimit rate = noRateLimit ? RateLimit.OFF : new RateLimit(rateLimit, rateBurst, Duration.ofSeconds(floodTimeoutSeconds));
    return new Limits(maxConnections, maxConnectionsPerAddress, maxRooms, maxRoomMembers,
        Duration.ofSeconds(idleTimeoutSeconds), rate, maxOutbound, Math.max(1 << 20, 4L * maxLine));
  }

  /** The IRC listener of --irc-port and --server-name (none for port 0). */
  ChatServerNode.Settings ircSettings(ChatServerNode.Settings settings) {
    return ircPort == 0 ? settings : settings.withIrc(ircPort, serverName);
  }

  /** TLS from --tls-cert and --tls-key, or null when neither is given. */
  ServerTls tls() {
    if (tlsCert == null && tlsKey == null) {
      return null;
    }
    if (tlsCert == null || tlsKey == null) {
      throw new ParameterException(spec.commandLine(), "--tls-cert and --tls-key go together");
    }
    try {
      return new ServerTls(tlsCert, tlsKey).requireReadable();
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  /** Event-bus TLS and sender binding from the --cluster-tls-* options, or null; they make sense only with --cluster. */
  ClusterTrust clusterTrust() {
    ClusterTrust trust = clusterSecurity.trust();
    if (trust != null && !cluster) {
      throw new ParameterException(spec.commandLine(), "--cluster-tls-* options need --cluster");
    }
    return trust;
  }

  private void checkRanges() {
    requireRange("--max-connections", maxConnections, 1, Integer.MAX_VALUE);
    requireRange("--max-connections-per-address", maxConnectionsPerAddress, 1, Integer.MAX_VALUE);
    requireRange("--max-rooms", maxRooms, 1, Integer.MAX_VALUE);
    requireRange("--max-room-members", maxRoomMembers, 1, Integer.MAX_VALUE);
    requireRange("--idle-timeout", idleTimeoutSeconds, 0, Integer.MAX_VALUE);
    requireRange("--rate-limit", rateLimit, 1, 1_000_000);
    requireRange("--rate-burst", rateBurst, 1, 1_000_000);
    requireRange("--flood-timeout", floodTimeoutSeconds, 0, Integer.MAX_VALUE);
    requireRange("--cluster-quorum", clusterQuorum, 0, 1000);
    requireRange("--hang-pause", hangPauseMillis, 0, 60_000);
    requireRange("--event-loops", eventLoops, 0, 1024);
    requireRange("--max-outbound", maxOutbound, 1024, Integer.MAX_VALUE);
    requireRange("--port", port, 0, 65535);
    requireRange("--irc-port", ircPort, 0, 65535);
    requireRange("--http-port", httpPort, 0, 65535);
    requireRange("--cluster-port", clusterPort, 1, 65535);
    requireRange("--cluster-bus-port", clusterBusPort, 0, 65535);
    requireRange("--max-line", maxLine, 16, 16 * 1024 * 1024);
  }

  /**
   * Two listeners given one port on one interface would not fail: Vert.x shares a port between
   * servers of one instance and hands each connection to either, so a client would get the line
   * protocol or IRC by chance. A usage error instead.
   */
  private void checkListenersApart() {
    record Listener(String option, String host, int port) {
      boolean clashesWith(Listener other) {
        return port != 0 && port == other.port && (host.equals(other.host) || anyInterface(host) || anyInterface(other.host));
      }

      static boolean anyInterface(String host) {
        return host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]");
      }
    }
    List<Listener> listeners = List.of(new Listener("--port", host, port), new Listener("--irc-port", host, ircPort),
        new Listener("--http-port", httpHost, httpPort), new Listener("--cluster-bus-port", clusterHost, clusterBusPort));
    for (int i = 0; i < listeners.size(); i++) {
      for (int j = i + 1; j < listeners.size(); j++) {
        Listener first = listeners.get(i);
        Listener second = listeners.get(j);
        if (first.clashesWith(second)) {
          throw new ParameterException(spec.commandLine(), second.option() + " " + second.port() + " is " + first.option()
              + "'s too: each listener needs a port of its own");
        }
      }
    }
  }

  private void requireRange(String option, int value, int min, int max) {
    if (value < min || value > max) {
      throw new ParameterException(spec.commandLine(),
          "Invalid value for option '" + option + "': " + value + " is not in " + min + ".." + max);
    }
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.await(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
  }

  /** {@code -V}: the version the jar was built as (its manifest), or a note when run from classes. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = ChatNode.class.getPackage().getImplementationVersion();
      return new String[] {"session-chat " + (version == null ? "(development build)" : version)};
    }
  }
}
