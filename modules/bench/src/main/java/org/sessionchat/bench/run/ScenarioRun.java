package org.sessionchat.bench.run;

import io.vertx.core.Context;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.SocketAddress;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiFunction;
import java.util.function.LongConsumer;
import org.sessionchat.bench.ScenarioSpec;
import org.sessionchat.bench.ledger.Tally;
import org.sessionchat.bench.result.MemoryProbe;
import org.sessionchat.bench.result.RunResult;
import org.sessionchat.bench.result.ServerCpu;
import org.sessionchat.bench.result.ServerFootprint;
import org.sessionchat.bench.wire.Dialect;

/**
 * Runs a scenario (or this process's slice of it) from start to result: connect and join
 * every client at a bounded pace, let the senders talk through warm-up and the measured
 * window, wait for stragglers, then add up every ledger. The servers' memory is read once
 * everybody is in when nobody talks (idle scenarios), and after the drain when they do: the
 * full GC of that reading must not fall into what is timed (see {@link MemoryProbe}).
 */
public final class ScenarioRun {

  private static final long NO_PROGRESS_NANOS = TimeUnit.SECONDS.toNanos(5);

  private final ScenarioSpec spec;
  private final RunOptions options;
  private final RunMeter meter = new RunMeter();
  private final List<Room> rooms = new ArrayList<>();
  private final List<BenchClient> clients = new ArrayList<>();
  private final BiFunction<List<Long>, MemoryProbe, ServerFootprint> memory;
  private ServerCpu serverCpu = ServerCpu.UNKNOWN;
  private double machineCpuCores = -1;

  public ScenarioRun(ScenarioSpec spec, RunOptions options) {
    this(spec, options, ServerProbe::measure);
  }

  /** A run that reads the servers' memory with {@code memory} (tests watch when it is called). */
  ScenarioRun(ScenarioSpec spec, RunOptions options, BiFunction<List<Long>, MemoryProbe, ServerFootprint> memory) {
    this.spec = spec;
    this.options = options;
    this.memory = memory;
    Dialect dialect = Dialect.named(spec.protocol());
    for (int r = 0; r < spec.rooms(); r++) {
      if (!options.runsRoom(r)) {
        continue;
      }
      int first = r * spec.members();
      Room room = new Room(options.roomPrefix() + "-" + r, first, spec.senders());
      for (int m = 0; m < spec.members(); m++) {
        BenchClient client = new BenchClient(first + m, room, m == 0, dialect, meter);
        if (m < spec.senders()) {
          client.makeSender(new Sender(client, dialect, meter, room.name(), spec.rate(),
              spec.size(), spec.window()));
        } else if (m >= spec.members() - options.flooders()) {
          client.makeFlooder(new Flooder(client, dialect, meter, room.name()));
        }
        room.add(client);
        clients.add(client);
      }
      rooms.add(room);
    }
  }

  /**
   * Runs the scenario. {@code onJoined} hears the connect+join time in milliseconds as soon
   * as every client is in (or the join time-out passed).
   */
  public RunResult run(LongConsumer onJoined) throws InterruptedException {
    String startedAt = Instant.now().toString();
    long cpuStart = CpuClock.processCpuNanos();
    long wallStart = System.nanoTime();
    Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(options.threads()));
    try {
      ProgressLine progress = new ProgressLine(meter, clients.size(), wallStart);
      long progressTimer = options.progressSeconds() > 0
          ? vertx.setPeriodic(options.progressSeconds() * 1000L, id -> progress.print()) : -1;
      long connectJoinMillis = connectAndJoin(vertx);
      onJoined.accept(connectJoinMillis);
      MemoryProbe moment = MemoryProbe.forScenario(spec.senders());
      ServerFootprint server;
      if (moment == MemoryProbe.AFTER_JOIN) {
        server = memory.apply(options.serverPids(), moment);
        progress.phase("idle");
        sleep(TimeUnit.SECONDS.toNanos(spec.durationSeconds()));
      } else {
        talk();
        server = memory.apply(options.serverPids(), moment);
      }
      Tally tally = tally();
      if (progressTimer >= 0) {
        vertx.cancelTimer(progressTimer);
        progress.print();
      }
      closeAll();
      double wallSeconds = (System.nanoTime() - wallStart) / 1e9;
      double cpuSeconds = (CpuClock.processCpuNanos() - cpuStart) / 1e9;
      double deliveriesPerSecond = spec.senders() > 0 && spec.durationSeconds() > 0
          ? (double) meter.inWindowCount() / spec.durationSeconds() : 0;
      return new RunResult(spec, 1, clients.size(), (int) meter.joinedCount(), connectJoinMillis,
          meter.sentCount(), tally, meter.errorCount(), meter.offlineCount(), deliveriesPerSecond,
          meter.total(), cpuSeconds, wallSeconds, server.withCpu(serverCpu), startedAt,
          ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), meter.offlineAfterKill(),
          meter.generatorLag(LoopLag.loopsOf(clients).size()), machineCpuCores);
    } finally {
      await(vertx.close(), 30);
    }
  }

  /** Lines the flooders wrote, and flood lines the other members received. */
  public long[] floodCounts() {
    return new long[] {meter.floodSentCount(), meter.floodReceivedCount()};
  }

  private long connectAndJoin(Vertx vertx) throws InterruptedException {
    List<NetClient> nets = netClients(vertx);
    List<Context> loops = eventLoops(vertx);
    long start = System.nanoTime();
    long deadline = start + TimeUnit.SECONDS.toNanos(options.joinTimeoutSeconds());
    long spacing = TimeUnit.SECONDS.toNanos(1) / Math.max(1, options.connectRate());
    Semaphore inProgress = new Semaphore(options.connectWindow());
    List<Future<Void>> joins = new ArrayList<>(clients.size());
    for (int i = 0; i < clients.size(); i++) {
      BenchClient client = clients.get(i);
      LockSupport.parkNanos(start + i * spacing - System.nanoTime());
      if (!inProgress.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
        break;
      }
      SocketAddress target = target(client.id());
      NetClient net = nets.get(i % nets.size());
      Promise<Void> joined = Promise.promise();
      loops.get(i % loops.size()).runOnContext(v -> client.start(vertx, net, target).onComplete(joined));
      joins.add(joined.future().onComplete(done -> inProgress.release()));
    }
    await(Future.join(joins), Math.max(1, TimeUnit.NANOSECONDS.toSeconds(deadline - System.nanoTime())));
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
  }

  /**
   * A context on each of the generator's event loops, for the clients to connect from in turn.
   * Connections opened from this (non-Vert.x) thread would all land on one: Vert.x gives such a
   * thread one context and keeps it. A verticle's instances are spread over the loops.
   */
  private List<Context> eventLoops(Vertx vertx) throws InterruptedException {
    List<Context> loops = new CopyOnWriteArrayList<>();
    await(vertx.deployVerticle(() -> new VerticleBase() {
      @Override
      public Future<?> start() {
        loops.add(context);
        return Future.succeededFuture();
      }
    }, new DeploymentOptions().setInstances(options.threads())), 30);
    return List.copyOf(loops);
  }

  /** One client per source address, taken in turn; without any, one that lets the kernel choose. */
  private List<NetClient> netClients(Vertx vertx) {
    NetClientOptions common = new NetClientOptions().setConnectTimeout(30_000).setTcpNoDelay(true);
    if (options.sourceAddresses().isEmpty()) {
      return List.of(vertx.createNetClient(common));
    }
    return options.sourceAddresses().stream()
        .map(address -> vertx.createNetClient(new NetClientOptions(common).setLocalAddress(address)))
        .toList();
  }

  private SocketAddress target(int clientId) {
    String target = spec.targets().get(clientId % spec.targets().size());
    int colon = target.lastIndexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException("target '" + target + "' is not host:port");
    }
    return SocketAddress.inetSocketAddress(Integer.parseInt(target.substring(colon + 1)),
        target.substring(0, colon));
  }

  private void talk() throws InterruptedException {
    List<Sender> senders = new ArrayList<>();
    List<Flooder> flooders = new ArrayList<>();
    int talking = 0;
    for (Room room : rooms) {
      for (BenchClient member : room.members()) {
        talking += member.sender() != null && member.isJoined() ? 1 : 0;
      }
    }
    long periodMillis = spec.rate() > 0 ? Sender.periodMillis(spec.rate()) : 0;
    // the window and the timeline are in place before the first message: the warm-up records
    // as the window does (see RunMeter)
    long warmupStart = System.nanoTime();
    long windowStart = warmupStart + TimeUnit.SECONDS.toNanos(spec.warmupSeconds());
    long windowEnd = windowStart + TimeUnit.SECONDS.toNanos(spec.durationSeconds());
    Timeline timeline = options.timeline() == null ? null : new Timeline(warmupStart, windowStart, windowEnd);
    if (timeline != null) {
      meter.keepTimeline(timeline);
    }
    meter.openWindow(windowStart, windowEnd);
    for (Room room : rooms) {
      int receivers = room.joinedMembers() - 1;
      for (BenchClient member : room.members()) {
        if (member.sender() != null && member.isJoined()) {
          member.sender().start(receivers, options.phases().offsetMillis(senders.size(), talking, periodMillis));
          senders.add(member.sender());
        }
        if (member.flooder() != null && member.isJoined()) {
          member.flooder().start();
          flooders.add(member.flooder());
        }
      }
    }
    LoopLag loopLag = LoopLag.on(meter, clients);
    loopLag.start();
    sleep(warmupStart + (windowStart - warmupStart) / 2 - System.nanoTime());
    meter.interval(); // the recorders' phase flips once in the warm-up too (see RunMeter.interval)
    sleep(windowStart - System.nanoTime());
    ProcessCounters serverStart = ServerProbe.counters(options.serverPids());
    double machineCpuStart = ServerProbe.machineCpuSeconds();
    if (options.killPid() > 0) {
      sleep(windowStart + TimeUnit.SECONDS.toNanos(options.killAfterSeconds()) - System.nanoTime());
      kill(options.killPid());
    }
    sleep(windowEnd - System.nanoTime());
    ProcessCounters serverEnd = ServerProbe.counters(options.serverPids());
    double machineCpuEnd = ServerProbe.machineCpuSeconds();
    serverCpu = serverEnd.since(serverStart, spec.durationSeconds());
    if (machineCpuStart >= 0 && machineCpuEnd >= 0 && spec.durationSeconds() > 0) {
      machineCpuCores = (machineCpuEnd - machineCpuStart) / spec.durationSeconds();
    }
    List<Future<Void>> stops = new ArrayList<>();
    senders.forEach(sender -> stops.add(sender.stop()));
    flooders.forEach(flooder -> stops.add(flooder.stop()));
    await(Future.join(stops), 30);
    loopLag.stop();
    drain();
    if (timeline != null) {
      try {
        timeline.write(options.timeline());
      } catch (IOException e) {
        System.err.println("[bench] timeline not written: " + e.getMessage());
      }
    }
  }

  /**
   * Kills a server process the way a crash would ({@code SIGKILL}); from now on losses count
   * only among clients whose server survived, and only for messages sent before this moment.
   */
  private void kill(long pid) {
    for (Room room : rooms) {
      for (BenchClient member : room.members()) {
        if (member.sender() != null) {
          member.sender().markKill();
        }
      }
    }
    meter.killed(System.nanoTime());
    ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
  }

  /** Waits until every expected delivery arrived, or nothing arrived for a while. */
  private void drain() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(options.drainSeconds());
    long lastCount = -1;
    long lastChange = System.nanoTime();
    while (System.nanoTime() < deadline) {
      long received = meter.receivedCount();
      if (received >= expectedDeliveries()) {
        return;
      }
      if (received != lastCount) {
        lastCount = received;
        lastChange = System.nanoTime();
      } else if (System.nanoTime() - lastChange > NO_PROGRESS_NANOS) {
        return;
      }
      sleep(TimeUnit.MILLISECONDS.toNanos(50));
    }
  }

  private long expectedDeliveries() {
    long expected = 0;
    for (Room room : rooms) {
      long receivers = room.joinedMembers() - 1;
      for (BenchClient member : room.members()) {
        if (member.sender() != null) {
          expected += member.sender().sent() * receivers;
        }
      }
    }
    return expected;
  }

  private Tally tally() throws InterruptedException {
    List<Future<Tally>> parts = new ArrayList<>();
    for (Room room : rooms) {
      long[] sentBySlot = new long[room.senders()];
      for (int slot = 0; slot < sentBySlot.length; slot++) {
        Sender sender = room.members().get(slot).sender();
        long sent = meter.killHappened() ? sender.sentAtKill() : sender.sent();
        sentBySlot[slot] = room.members().get(slot).isJoined() ? sent : 0;
      }
      for (BenchClient member : room.members()) {
        parts.add(member.tally(sentBySlot, meter.killHappened()));
      }
    }
    Tally total = Tally.ZERO;
    for (Future<Tally> part : parts) {
      Tally tally = await(part, 30);
      total = total.plus(tally == null ? Tally.ZERO : tally);
    }
    return total;
  }

  private void closeAll() throws InterruptedException {
    List<Future<Void>> closes = new ArrayList<>();
    for (BenchClient client : clients) {
      closes.add(client.close());
    }
    await(Future.join(closes), 30);
  }

  private static void sleep(long nanos) throws InterruptedException {
    if (nanos > 0) {
      TimeUnit.NANOSECONDS.sleep(nanos);
    }
  }

  /** The future's value, or null when it failed or did not finish in time. */
  private static <T> T await(Future<T> future, long seconds) throws InterruptedException {
    try {
      return future.toCompletionStage().toCompletableFuture().get(seconds, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      return null;
    }
  }
}
