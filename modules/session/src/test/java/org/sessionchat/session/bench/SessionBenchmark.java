package org.sessionchat.session.bench;

import static org.sessionchat.session.testkit.ClusteredVertxNodes.await;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.EventBusOptions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
import org.sessionchat.session.SessionRuntime;
import org.sessionchat.session.SessionRuntimeOptions;
import org.sessionchat.session.testkit.FreePorts;
import org.sessionchat.session.testkit.TestProtocols;

/**
 * Messages/s of monitored sessions, monitor on and off: ping-pong and fan-out in one JVM with
 * every actor on a named event loop, or across two JVMs (child JVMs join the cluster and host
 * the peers).
 *
 * <p>Modes ({@link BenchMode}): monitor on, off (tracks, never refuses: the same checks), and
 * none (the monitor's interceptors taken off the bus: no check at all), the last only where
 * envelopes travel one by one.
 *
 * <p>How a figure is made, so that it can be defended: every run lasts at least the given
 * time; each scenario is first run {@link #WARM_UP} times in every mode unrecorded (the JIT
 * compiles the same code for all); then the modes take turns run by run, their order turned
 * each time, each run in a fresh runtime after a GC. The table gives the median and range of each mode,
 * and on/off both of the medians and per pair of neighbouring runs (see {@link BenchResults}).
 * The 1-minute load average is read around every run.
 *
 * <p>Not a test: run it with {@code scripts/bench-session} (docs/benchmarks.md, "Session
 * runtime") and copy what it prints. Arguments:
 * {@code local|cluster [seconds per run] [subscribers] [runs] [all|on|off|none] [all|1,2,..]}; one mode
 * alone, and a list of scenario numbers, are for profiling one mode of some scenarios.
 */
public final class SessionBenchmark {

  private static final long TIMEOUT_S = 300;
  /** Unrecorded runs of each scenario in each mode before the recorded ones. */
  private static final int WARM_UP = 2;

  private final long runNanos;
  private final int subscribers;
  private final int runs;
  private final String modes;
  /** The scenarios to run (numbered from 1 as printed), or null for all. */
  private final java.util.Set<Integer> only;
  private final BenchResults results = new BenchResults();
  private double minLoad = Double.MAX_VALUE;
  private double maxLoad;

  private SessionBenchmark(String[] args) {
    runNanos = (long) (Double.parseDouble(args.length > 1 ? args[1] : "2") * 1e9);
    subscribers = intArg(args, 2, 100);
    runs = intArg(args, 3, 15);
    modes = args.length > 4 ? args[4] : "all";
    only = args.length > 5 && !args[5].equals("all")
        ? Arrays.stream(args[5].split(",")).map(Integer::valueOf).collect(java.util.stream.Collectors.toSet())
        : null;
  }

  public static void main(String[] args) throws Exception {
    String mode = args.length > 0 ? args[0] : "local";
    if (mode.equals("peer")) {
      runPeer(args[1], List.of(args[2].split(",")), Integer.parseInt(args[3]), Boolean.parseBoolean(args[4]),
          intArg(args, 5, 100));
      return;
    }
    SessionBenchmark benchmark = new SessionBenchmark(args);
    System.out.printf(Locale.ROOT, "%s, %.1f s per run, %d warm-up + %d recorded runs per scenario and mode, "
            + "%d event loops, %d CPUs, %s, heap %d MB%n", mode, benchmark.runNanos / 1e9, WARM_UP, benchmark.runs,
        nodeLoops(), Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.vm.version"), Runtime.getRuntime().maxMemory() >> 20);
    if (mode.equals("cluster")) {
      benchmark.runCluster();
    } else {
      benchmark.runLocal();
    }
    System.out.println();
    benchmark.results.print(System.out);
    System.out.printf(Locale.ROOT, "%nload average (1 min) during the runs: %.2f-%.2f; GC: %s%n", benchmark.minLoad,
        benchmark.maxLoad, gcNames());
    System.out.printf(Locale.ROOT, "monitor checks alone: %.0f ns per message (sender's and receiver's step, "
        + "ChatSession incomingChatMessage, median of 5 x 1M)%n", monitorNanosPerMessage());
    System.exit(0);
  }

  /** A scenario of one JVM: what it measures, where its actors run, and one run of it. */
  private record LocalScenario(String name, String placement, boolean batched, Measure measure) {}

  @FunctionalInterface
  private interface Measure {
    Future<RunResult> run(SessionRuntime runtime, EventLoops loops);
  }

  private List<LocalScenario> localScenarios(EventLoops loops) {
    int n = loops.size();
    return List.of(
        new LocalScenario("ping-pong", "both on loop 0", false, (runtime, l) -> pingPong(runtime, l, 0)),
        new LocalScenario("ping-pong", "loops 0 and 1", false, (runtime, l) -> pingPong(runtime, l, 1)),
        new LocalScenario("fan-out " + subscribers + ", send", "all on loop 0", false,
            (runtime, l) -> fanOut(runtime, l, false, i -> 0)),
        new LocalScenario("fan-out " + subscribers + ", send", "hub on 0, subscriber i on i mod " + n, false,
            (runtime, l) -> fanOut(runtime, l, false, i -> i)),
        new LocalScenario("fan-out " + subscribers + ", sendEach", "hub on 0, subscriber i on i mod " + n, true,
            (runtime, l) -> fanOut(runtime, l, true, i -> i)));
  }

  private void runLocal() {
    Vertx vertx = Vertx.vertx(nodeVertxOptions());
    try {
      EventLoops loops = await(EventLoops.of(vertx, nodeLoops()), TIMEOUT_S);
      System.out.println("event loops: " + String.join(", ", threadNames(loops)));
      List<LocalScenario> scenarios = localScenarios(loops);
      for (int number = 1; number <= scenarios.size(); number++) {
        LocalScenario scenario = scenarios.get(number - 1);
        if (only != null && !only.contains(number)) {
          continue;
        }
        String name = number + ". " + scenario.name() + " (" + scenario.placement() + ")";
        for (int run = -WARM_UP; run < runs; run++) {
          for (BenchMode mode : order(run, !scenario.batched())) {
            RunResult result = measured(() -> {
              SessionRuntime runtime = await(SessionRuntime.start(vertx, options(mode.monitorEnabled)), TIMEOUT_S);
              try {
                mode.apply(vertx, runtime);
                return await(scenario.measure().run(runtime, loops), TIMEOUT_S);
              } finally {
                await(runtime.close(), TIMEOUT_S);
              }
            });
            if (run >= 0) {
              results.add(scenario.name(), scenario.placement(), mode, result);
            }
          }
        }
        System.out.println("measured: " + name);
      }
    } finally {
      await(vertx.close(), 30);
    }
  }

  /**
   * The modes of run {@code run}: turned by one each run (on-off-none, off-none-on,
   * none-on-off), and in every second set of turns also reversed (off-on-none, ...), so that
   * over six runs each order of the modes comes once and each mode follows each other mode as
   * often: what a run leaves behind (the JIT's profile, a heap, the bus with or without the
   * monitor's interceptors) weighs on no mode more than on another. Without the unmonitored
   * baseline: on-off, off-on. Or the one mode asked for.
   */
  private List<BenchMode> order(int run, boolean withNone) {
    List<BenchMode> all = switch (modes) {
      case "on" -> List.of(BenchMode.ON);
      case "off" -> List.of(BenchMode.OFF);
      case "none" -> withNone ? List.of(BenchMode.NONE) : List.of();
      default -> withNone ? List.of(BenchMode.ON, BenchMode.OFF, BenchMode.NONE) : List.of(BenchMode.ON, BenchMode.OFF);
    };
    List<BenchMode> turned = new ArrayList<>(all);
    int n = Math.max(1, all.size());
    java.util.Collections.rotate(turned, -Math.floorMod(run, n));
    if (Math.floorMod(Math.floorDiv(run, n), 2) == 1) {
      java.util.Collections.reverse(turned);
    }
    return turned;
  }

  /** One run after a GC, with the load average read before and after. */
  private RunResult measured(java.util.function.Supplier<RunResult> run) {
    System.gc();
    readLoad();
    RunResult result = run.get();
    readLoad();
    return result;
  }

  private Future<RunResult> pingPong(SessionRuntime runtime, EventLoops loops, int pongerLoop) {
    return BenchPeers.spawnPonger(runtime, loops.loop(pongerLoop)).compose(ponger -> {
      PingPongDriver pinger = new PingPongDriver(runNanos, loops.cpu());
      return runtime.spawn(TestProtocols.PROBE, pinger, loops.loop(0)).compose(self -> pinger.run(ponger));
    });
  }

  private Future<RunResult> fanOut(SessionRuntime runtime, EventLoops loops, boolean batched,
      java.util.function.IntUnaryOperator subscriberLoop) {
    return BenchPeers.spawnSubscribers(runtime, subscribers, i -> loops.loop(subscriberLoop.applyAsInt(i)))
        .compose(refs -> {
          FanOutDriver hub = new FanOutDriver(runNanos, batched, loops.cpu());
          return runtime.spawn(TestProtocols.PROBE, hub, loops.loop(0)).compose(self -> hub.run(refs));
        });
  }

  /**
   * Across JVMs: two child JVMs join the cluster, one with the monitor on and one with it off,
   * each hosting a Ponger and the subscribers (on Vert.x's turn of event loops); this JVM runs
   * the drivers in a runtime of the same mode, restarted for every run.
   */
  private void runCluster() throws IOException, InterruptedException {
    String clusterName = "sess-bench-" + UUID.randomUUID();
    List<String> members = List.of("127.0.0.1:" + freePort(), "127.0.0.1:" + freePort(), "127.0.0.1:" + freePort());
    Vertx vertx = clusteredVertx(clusterName, members, 0);
    Process peerOn = startPeer(clusterName, members, 1, true);
    Process peerOff = startPeer(clusterName, members, 2, false);
    try {
      String nodeOn = awaitReady(peerOn);
      String nodeOff = awaitReady(peerOff);
      for (int scenario = 0; scenario < 2; scenario++) {
        for (int run = -WARM_UP; run < runs; run++) {
          for (BenchMode mode : order(run, false)) {
            boolean monitor = mode.monitorEnabled;
            String peerNode = monitor ? nodeOn : nodeOff;
            boolean fanOut = scenario == 1;
            RunResult result = measured(() -> {
              SessionRuntime runtime = await(SessionRuntime.start(vertx, options(monitor)), TIMEOUT_S);
              try {
                return await(fanOut ? clusterFanOut(runtime, peerNode) : clusterPingPong(runtime, peerNode),
                    TIMEOUT_S);
              } finally {
                await(runtime.close(), TIMEOUT_S);
              }
            });
            if (run >= 0) {
              results.add(fanOut ? "fan-out " + subscribers + ", send, 2 JVMs" : "ping-pong, 2 JVMs",
                  "Vert.x's turn", mode, result);
            }
          }
        }
      }
    } finally {
      stopPeer(peerOn);
      stopPeer(peerOff);
      await(vertx.close(), 30);
    }
  }

  private Future<RunResult> clusterPingPong(SessionRuntime runtime, String peerNode) {
    PingPongDriver pinger = new PingPongDriver(runNanos, CpuClock.NONE);
    return runtime.spawn(TestProtocols.PROBE, pinger)
        .compose(self -> pinger.run(new ActorRef(peerNode, BenchPeers.PONGER)));
  }

  private Future<RunResult> clusterFanOut(SessionRuntime runtime, String peerNode) {
    FanOutDriver hub = new FanOutDriver(runNanos, false, CpuClock.NONE);
    return runtime.spawn(TestProtocols.PROBE, hub)
        .compose(self -> hub.run(BenchPeers.wellKnownSubscribers(peerNode, subscribers)));
  }

  /** What the two FSM checks of one message cost without any messaging around them. */
  private static double monitorNanosPerMessage() {
    ProtocolLibrary protocols = TestProtocols.library();
    double[] samples = new double[5];
    for (int run = 0; run < samples.length; run++) {
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
      samples[run] = (System.nanoTime() - start) / (double) messages;
    }
    Arrays.sort(samples);
    return samples[samples.length / 2];
  }

  /** A child JVM: joins the cluster, hosts the peers, prints READY, lives until its stdin closes. */
  private static void runPeer(String clusterName, List<String> members, int member, boolean monitor,
      int subscribers) throws IOException {
    Vertx vertx = clusteredVertx(clusterName, members, member);
    SessionRuntime runtime = await(SessionRuntime.start(vertx, options(monitor)), TIMEOUT_S);
    await(BenchPeers.spawnWellKnown(runtime, subscribers), TIMEOUT_S);
    System.out.println("READY " + runtime.nodeId());
    System.out.flush();
    while (System.in.read() >= 0) {
      // wait for the driver to close our stdin
    }
    await(runtime.close(), 30);
    await(vertx.close(), 30);
    System.exit(0);
  }

  private Process startPeer(String clusterName, List<String> members, int member, boolean monitor)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(arg -> !arg.startsWith("-XX:StartFlightRecording") && !arg.startsWith("-Xms")
            && !arg.startsWith("-Xmx"))
        .toList());
    command.add("-Xmx512m");
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), SessionBenchmark.class.getName(), "peer",
        clusterName, String.join(",", members), String.valueOf(member), String.valueOf(monitor),
        String.valueOf(subscribers)));
    return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
  }

  private static void stopPeer(Process peer) throws IOException, InterruptedException {
    peer.getOutputStream().close();
    if (!peer.waitFor(20, TimeUnit.SECONDS)) {
      peer.destroyForcibly();
    }
  }

  private static String awaitReady(Process peer) throws IOException {
    BufferedReader lines = new BufferedReader(new InputStreamReader(peer.getInputStream(), StandardCharsets.UTF_8));
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      if (line.startsWith("READY ")) {
        return line.substring("READY ".length()).trim();
      }
    }
    throw new IllegalStateException("a peer JVM exited before it was ready");
  }

  /**
   * Vert.x as a chat node runs it: one event loop per core and no context class loader set
   * around each handler (the node's {@code --event-loops} default). With Vert.x's own two
   * loops per core, four loops take turns on two cores, and whether a loop waits for a core
   * decides a cross-loop run's rate more than the code it runs does.
   */
  private static VertxOptions nodeVertxOptions() {
    return new VertxOptions().setEventLoopPoolSize(nodeLoops()).setDisableTCCL(true);
  }

  private static int nodeLoops() {
    return Runtime.getRuntime().availableProcessors();
  }

  private static Vertx clusteredVertx(String clusterName, List<String> members, int member) {
    int port = Integer.parseInt(members.get(member).substring(members.get(member).indexOf(':') + 1));
    VertxOptions options = nodeVertxOptions()
        .setEventBusOptions(new EventBusOptions().setHost("127.0.0.1").setClusterPublicHost("127.0.0.1").setPort(FreePorts.next()));
    return await(Vertx.builder().with(options)
        .withClusterManager(ClusterSetup.clusterManager(ClusterOptions.loopback(clusterName, port, members)))
        .buildClustered(), TIMEOUT_S);
  }

  private static SessionRuntimeOptions options(boolean monitor) {
    return new SessionRuntimeOptions(TestProtocols.library(), TestProtocols.roles(), monitor);
  }

  private void readLoad() {
    try {
      double load = Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
      minLoad = Math.min(minLoad, load);
      maxLoad = Math.max(maxLoad, load);
    } catch (IOException | RuntimeException unreadable) {
      // not Linux: no load figure
    }
  }

  private static List<String> threadNames(EventLoops loops) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < loops.size(); i++) {
      names.add(i + " = " + loops.threadName(i));
    }
    return names;
  }

  private static String gcNames() {
    return String.join(", ", ManagementFactory.getGarbageCollectorMXBeans().stream().map(b -> b.getName()).toList());
  }

  private static int intArg(String[] args, int i, int fallback) {
    return args.length > i ? Integer.parseInt(args[i]) : fallback;
  }

  private static int freePort() {
    return FreePorts.next();
  }
}
