package org.sessionchat.session.bench;

import static org.sessionchat.session.testkit.ClusteredVertxNodes.await;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.EventBusOptions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.sessionchat.scribble.ProtocolLibrary;
import org.sessionchat.scribble.fsm.Direction;
import org.sessionchat.scribble.fsm.Monitor;
import org.sessionchat.session.ActorRef;
import org.sessionchat.session.ClusterOptions;
import org.sessionchat.session.ClusterSetup;
import org.sessionchat.session.Placement;
import org.sessionchat.session.SessionRuntime;
import org.sessionchat.session.SessionRuntimeOptions;
import org.sessionchat.session.testkit.TestProtocols;

/**
 * Messages/s and latency of monitored sessions: ping-pong and fan-out, monitor on and off,
 * in one JVM and across two (a child JVM joins the cluster and hosts the peers).
 *
 * <p>Not a test: run it by hand (see docs/benchmarks.md, "Session runtime") and copy the
 * table it prints. Arguments: {@code local|cluster [rounds] [subscribers] [broadcasts] [repeats]}.
 */
public final class SessionBenchmark {

  private static final long TIMEOUT_S = 300;

  private final int rounds;
  private final int subscribers;
  private final int broadcasts;
  private final int repeats;
  private final BenchResults results = new BenchResults();

  private SessionBenchmark(String[] args) {
    rounds = intArg(args, 1, 20_000);
    subscribers = intArg(args, 2, 100);
    broadcasts = intArg(args, 3, 200);
    repeats = intArg(args, 4, 3);
  }

  public static void main(String[] args) throws Exception {
    String mode = args.length > 0 ? args[0] : "local";
    if (mode.equals("peer")) {
      runPeer(args[1], List.of(args[2].split(",")), Boolean.parseBoolean(args[3]), intArg(args, 4, 100),
          intArg(args, 5, 200));
      return;
    }
    SessionBenchmark benchmark = new SessionBenchmark(args);
    if (mode.equals("cluster")) {
      benchmark.runCluster();
    } else {
      benchmark.runLocal();
    }
    benchmark.results.print(System.out);
    System.out.printf(Locale.ROOT, "%nmonitor checks alone: %.0f ns per message (sender's and receiver's step, "
        + "ChatSession incomingChatMessage, median of 5 x 1M)%n", monitorNanosPerMessage());
    System.exit(0);
  }

  /** The Vert.x of a local run, where the one-event-loop ping-pong gets its loop. */
  private Vertx localVertx;

  private void runLocal() {
    Vertx vertx = Vertx.vertx();
    localVertx = vertx;
    try {
      for (int repeat = -1; repeat < repeats; repeat++) {
        for (boolean monitor : new boolean[] {true, false}) {
          SessionRuntime runtime = await(SessionRuntime.start(vertx, options(monitor)), TIMEOUT_S);
          await(BenchPeers.spawn(runtime, subscribers, broadcasts), TIMEOUT_S);
          measure(runtime, runtime.nodeId(), 1, monitor, repeat >= 0);
          await(runtime.close(), TIMEOUT_S);
        }
      }
    } finally {
      await(vertx.close(), 30);
    }
  }

  private void runCluster() throws IOException, InterruptedException {
    String clusterName = "bench-" + UUID.randomUUID();
    List<String> members = List.of("127.0.0.1:" + freePort(), "127.0.0.1:" + freePort());
    Vertx vertx = clusteredVertx(clusterName, members, 0);
    try {
      for (boolean monitor : new boolean[] {true, false}) {
        Process peer = startPeer(clusterName, members, monitor);
        try {
          String peerNode = awaitReady(peer);
          SessionRuntime runtime = await(SessionRuntime.start(vertx, options(monitor)), TIMEOUT_S);
          for (int repeat = -1; repeat < repeats; repeat++) {
            measure(runtime, peerNode, 2, monitor, repeat >= 0);
          }
          await(runtime.close(), TIMEOUT_S);
        } finally {
          peer.getOutputStream().close();
          if (!peer.waitFor(20, TimeUnit.SECONDS)) {
            peer.destroyForcibly();
          }
        }
      }
    } finally {
      await(vertx.close(), 30);
    }
  }

  /** One ping-pong and one fan-out run; the first of each series only warms the JIT up ({@code record} false). */
  private void measure(SessionRuntime runtime, String peerNode, int jvms, boolean monitor, boolean record) {
    PingPongDriver pinger = new PingPongDriver(rounds);
    await(runtime.spawn(TestProtocols.PROBE, pinger), TIMEOUT_S);
    PingPongDriver.Result pingPong = await(pinger.run(new ActorRef(peerNode, BenchPeers.PONGER)), TIMEOUT_S);
    PingPongDriver.Result oneLoop = jvms == 1 ? pingPongOnOneEventLoop(runtime) : null;
    FanOutDriver hub = new FanOutDriver(broadcasts);
    await(runtime.spawn(TestProtocols.PROBE, hub), TIMEOUT_S);
    double fanOut = await(hub.run(BenchPeers.subscribers(peerNode, subscribers)), TIMEOUT_S);
    if (record) {
      String mode = " | " + jvms + " | " + (monitor ? "on" : "off");
      results.add("ping-pong " + rounds + " round trips" + mode, pingPong.messagesPerSecond(),
          pingPong.roundTripsNanos().getMean() / 1000.0, pingPong.roundTripsNanos().getValueAtPercentile(50) / 1000.0,
          pingPong.roundTripsNanos().getValueAtPercentile(99) / 1000.0);
      if (oneLoop != null) {
        results.add("ping-pong, both on one event loop" + mode, oneLoop.messagesPerSecond(),
            oneLoop.roundTripsNanos().getMean() / 1000.0, oneLoop.roundTripsNanos().getValueAtPercentile(50) / 1000.0,
            oneLoop.roundTripsNanos().getValueAtPercentile(99) / 1000.0);
      }
      results.add("fan-out " + broadcasts + " x " + subscribers + mode, fanOut, Double.NaN, Double.NaN, Double.NaN);
    }
  }

  /** Ping-pong between two actors placed on one event loop ({@link Placement#eventLoopOf}): no thread crossing. */
  private PingPongDriver.Result pingPongOnOneEventLoop(SessionRuntime runtime) {
    Placement loop = Placement.eventLoopOf(localVertx.getOrCreateContext());
    ActorRef ponger = await(BenchPeers.spawnPonger(runtime, loop), TIMEOUT_S);
    PingPongDriver pinger = new PingPongDriver(rounds);
    await(runtime.spawn(TestProtocols.PROBE, pinger, loop), TIMEOUT_S);
    return await(pinger.run(ponger), TIMEOUT_S);
  }

  /** What the two FSM checks of one message cost without any messaging around them. */
  private static double monitorNanosPerMessage() {
    ProtocolLibrary protocols = TestProtocols.library();
    double[] runs = new double[5];
    for (int run = 0; run < runs.length; run++) {
      Monitor room = protocols.newMonitor("ChatSession", "ChatRoom");
      Monitor client = protocols.newMonitor("ChatSession", "ClientThread");
      int messages = 1_000_000;
      long start = System.nanoTime();
      for (int i = 0; i < messages; i++) {
        if (!room.step(Direction.SEND, "ClientThread", "incomingChatMessage", 1)
            || !client.step(Direction.RECEIVE, "ChatRoom", "incomingChatMessage", 1)
            || room.isTerminal() || client.isTerminal()) {
          throw new IllegalStateException("ChatSession refused a broadcast");
        }
      }
      runs[run] = (System.nanoTime() - start) / (double) messages;
    }
    Arrays.sort(runs);
    return runs[runs.length / 2];
  }

  /** The child JVM: joins the cluster, hosts the peers, prints READY, lives until its stdin closes. */
  private static void runPeer(String clusterName, List<String> members, boolean monitor, int subscribers,
      int broadcasts) throws IOException {
    Vertx vertx = clusteredVertx(clusterName, members, 1);
    SessionRuntime runtime = await(SessionRuntime.start(vertx, options(monitor)), TIMEOUT_S);
    await(BenchPeers.spawn(runtime, subscribers, broadcasts), TIMEOUT_S);
    System.out.println("READY " + runtime.nodeId());
    System.out.flush();
    while (System.in.read() >= 0) {
      // wait for the driver to close our stdin
    }
    await(runtime.close(), 30);
    await(vertx.close(), 30);
    System.exit(0);
  }

  private Process startPeer(String clusterName, List<String> members, boolean monitor) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("--add-modules", "java.se", "--add-exports", "java.base/jdk.internal.ref=ALL-UNNAMED",
        "--add-opens", "java.base/java.lang=ALL-UNNAMED", "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED",
        "--add-opens", "java.management/sun.management=ALL-UNNAMED",
        "--add-opens", "jdk.management/com.sun.management.internal=ALL-UNNAMED", "-Xmx512m"));
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), SessionBenchmark.class.getName(), "peer",
        clusterName, String.join(",", members), String.valueOf(monitor), String.valueOf(subscribers),
        String.valueOf(broadcasts)));
    return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
  }

  private static String awaitReady(Process peer) throws IOException {
    BufferedReader lines = new BufferedReader(new InputStreamReader(peer.getInputStream(), StandardCharsets.UTF_8));
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      if (line.startsWith("READY ")) {
        return line.substring("READY ".length()).trim();
      }
    }
    throw new IllegalStateException("the peer JVM exited before it was ready (exit " + peer.exitValue() + ")");
  }

  private static Vertx clusteredVertx(String clusterName, List<String> members, int member) {
    int port = Integer.parseInt(members.get(member).substring(members.get(member).indexOf(':') + 1));
    VertxOptions options = new VertxOptions()
        .setEventBusOptions(new EventBusOptions().setHost("127.0.0.1").setClusterPublicHost("127.0.0.1").setPort(0));
    return await(Vertx.builder().with(options)
        .withClusterManager(ClusterSetup.clusterManager(ClusterOptions.loopback(clusterName, port, members)))
        .buildClustered(), TIMEOUT_S);
  }

  private static SessionRuntimeOptions options(boolean monitor) {
    return new SessionRuntimeOptions(TestProtocols.library(), TestProtocols.roles(), monitor);
  }

  private static int intArg(String[] args, int i, int fallback) {
    return args.length > i ? Integer.parseInt(args[i]) : fallback;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
