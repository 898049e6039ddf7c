package org.sessionchat.bench;

import io.netty.util.NetUtil;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.sessionchat.bench.result.Provenance;
import org.sessionchat.bench.result.ResultJson;
import org.sessionchat.bench.result.RunResult;
import org.sessionchat.bench.run.Phases;
import org.sessionchat.bench.run.ProcessFanOut;
import org.sessionchat.bench.run.RunOptions;
import org.sessionchat.bench.run.ScenarioRun;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The load generator's command line: one scenario against one or more chat (or IRC)
 * servers, one JSON result line on stdout (and appended to {@code --out}), a human summary
 * and progress lines on stderr.
 */
@Command(name = "session-chat-bench", mixinStandardHelpOptions = true,
    description = "Opens many TCP chat clients against session-chat or IRC servers and measures delivery.")
public final class LoadGenerator implements Callable<Integer> {

  @Option(names = "--targets", required = true, split = ",",
      description = "host:port of the servers; clients are spread over them round-robin")
  List<String> targets;

  @Option(names = "--protocol", defaultValue = "chat", description = "chat or irc (default ${DEFAULT-VALUE})")
  String protocol;

  @Option(names = "--rooms", defaultValue = "1", description = "rooms (default ${DEFAULT-VALUE})")
  int rooms;

  @Option(names = "--members", defaultValue = "10", description = "members per room (default ${DEFAULT-VALUE})")
  int members;

  @Option(names = "--senders", defaultValue = "1", description = "members per room that send (default ${DEFAULT-VALUE})")
  int senders;

  @Option(names = "--rate", defaultValue = "10",
      description = "messages/s per sender; 0 = as fast as the in-flight window allows (default ${DEFAULT-VALUE})")
  double rate;

  @Option(names = "--size", defaultValue = "100", description = "payload bytes (default ${DEFAULT-VALUE})")
  int size;

  @Option(names = "--warmup", defaultValue = "5", description = "seconds of sending before measuring (default ${DEFAULT-VALUE})")
  int warmup;

  @Option(names = "--duration", defaultValue = "20",
      description = "seconds measured; with --senders 0 how long the idle clients stay (default ${DEFAULT-VALUE})")
  int duration;

  @Option(names = "--window", defaultValue = "200",
      description = "with --rate 0: most messages per sender not yet delivered to all (default ${DEFAULT-VALUE})")
  int window;

  @Option(names = "--connect-rate", defaultValue = "2000", description = "new connections/s at most (default ${DEFAULT-VALUE})")
  int connectRate;

  @Option(names = "--connect-window", defaultValue = "500",
      description = "clients connecting/joining at the same time, at most (default ${DEFAULT-VALUE})")
  int connectWindow;

  @Option(names = "--source-addresses", split = ",", paramLabel = "IP",
      description = "local addresses to open the connections from, in turn, e.g. 127.0.0.2,127.0.0.3 "
          + "(default: the kernel's choice). Linux searches a connection's source port among those not yet "
          + "used towards the same server, port by port: with more than about 14,000 connections from one "
          + "address to one server each connect walks half the ephemeral range")
  List<String> sourceAddresses = new ArrayList<>();

  @Option(names = "--join-timeout", defaultValue = "180",
      description = "seconds all clients may take to join (default ${DEFAULT-VALUE})")
  int joinTimeout;

  @Option(names = "--drain", defaultValue = "10",
      description = "seconds to wait for messages in flight after the last send (default ${DEFAULT-VALUE})")
  int drain;

  @Option(names = "--threads", defaultValue = "1",
      description = "event loops the connections are spread over (default ${DEFAULT-VALUE}: on two cores shared "
          + "with the server, a second one took CPU from the server and shortened no server's tail)")
  int threads;

  @Option(names = "--processes", defaultValue = "1",
      description = "generator processes sharing the rooms, for more clients than one process may open (default ${DEFAULT-VALUE})")
  int processes;

  @Option(names = "--child-java-options", defaultValue = "-Xmx1g",
      description = "JVM options of the child processes (default ${DEFAULT-VALUE})")
  String childJavaOptions;

  @Option(names = "--name", defaultValue = "custom", description = "scenario label in the result (default ${DEFAULT-VALUE})")
  String name;

  @Option(names = "--system", defaultValue = "unnamed", description = "what is measured, for the report, e.g. 'ngircd'")
  String system;

  @Option(names = "--out", description = "append the JSON result line to this file")
  Path out;

  @Option(names = "--server-pid", split = ",",
      description = "server process ids whose memory (RSS; JVM heap after GC) to read once all joined")
  List<Long> serverPids = new ArrayList<>();

  @Option(names = "--progress", defaultValue = "2", description = "seconds between progress lines; 0 for none (default ${DEFAULT-VALUE})")
  int progress;

  @Option(names = "--room-prefix", description = "room name prefix (default: random, so runs never meet old rooms)")
  String roomPrefix;

  @Option(names = "--kill-pid", defaultValue = "0",
      description = "scenario G: kill -9 this process during the measured window (default: none)")
  long killPid;

  @Option(names = "--kill-after", defaultValue = "5",
      description = "seconds into the measured window for --kill-pid (default ${DEFAULT-VALUE})")
  int killAfter;

  @Option(names = "--flooders", defaultValue = "0",
      description = "members of each room (its last ones) that send as fast as the server reads them; "
          + "their own deliveries are not timed (default ${DEFAULT-VALUE})")
  int flooders;

  @Option(names = "--phases", defaultValue = "ALIGNED", converter = PhasesConverter.class,
      description = "aligned: senders with a rate all send in the same millisecond of their period; "
          + "spread: sender i of n i/n of a period later (default aligned)")
  Phases phases;

  @Option(names = "--timeline", description = "write per millisecond of the measured window (by send time) "
      + "deliveries, worst latency and the generator's worst event-loop lag to this CSV file")
  Path timeline;

  @Option(names = "--label", mapFallbackValue = "",
      description = "key=value recorded in the result line, e.g. run=ID or server=BUILD (repeatable)")
  Map<String, String> labels = new LinkedHashMap<>();

  @Option(names = "--slice", hidden = true, description = "child process only: index of this process's rooms")
  Integer slice;

  /** The command line as given, for the result's provenance. */
  private final String[] commandLine;

  LoadGenerator(String[] commandLine) {
    this.commandLine = commandLine.clone();
  }

  /** {@code aligned} or {@code spread}, in any case. */
  static final class PhasesConverter implements CommandLine.ITypeConverter<Phases> {
    @Override
    public Phases convert(String value) {
      return Phases.valueOf(value.trim().toUpperCase(Locale.ROOT));
    }
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new LoadGenerator(args)).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    if (roomPrefix == null) {
      roomPrefix = "b" + UUID.randomUUID().toString().substring(0, 6);
    }
    ScenarioSpec spec = new ScenarioSpec(name, system, protocol, targets, rooms, members, senders,
        rate, size, warmup, duration, window);
    for (String address : sourceAddresses) {
      if (!NetUtil.isValidIpV4Address(address) && !NetUtil.isValidIpV6Address(address)) {
        throw new CommandLine.ParameterException(new CommandLine(this),
            "--source-addresses: '" + address + "' is not an IP address");
      }
    }
    if (slice != null) {
      RunResult part = new ScenarioRun(spec, options(slice, processes, List.of()))
          .run(ms -> System.out.println("JOINED " + ms));
      System.out.println("RESULT " + ResultJson.toJson(part, true).encode());
      return 0;
    }
    if (flooders < 0 || flooders > members - senders || (flooders > 0 && processes > 1)) {
      throw new CommandLine.ParameterException(new CommandLine(this),
          "--flooders must be between 0 and members - senders, with one process");
    }
    ScenarioRun single = processes > 1 ? null : new ScenarioRun(spec, options(0, 1, serverPids));
    RunResult result = single == null
        ? new ProcessFanOut(spec, processes, List.of(childJavaOptions.trim().split("\\s+")), serverPids,
            Duration.ofSeconds(joinTimeout + warmup + duration + drain + 120L)).run(this::childArgs)
        : single.run(ms -> { });
    JsonObject json = ResultJson.toJson(result, false)
        .put("generator", Provenance.of(commandLine, labels).toJson());
    long[] flood = single == null ? new long[2] : single.floodCounts();
    if (flooders > 0 || flood[1] > 0) { // a flooder of the generator's, or one from outside
      json.put("flood", new JsonObject().put("floodersPerRoom", flooders).put("linesWritten", flood[0])
          .put("deliveredToOthers", flood[1]));
    }
    System.err.println(ResultJson.summary(result));
    System.out.println(json.encode());
    if (out != null) {
      Files.writeString(out, json.encode() + "\n", StandardCharsets.UTF_8,
          StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
    return result.joined() == result.clients() ? 0 : 2;
  }

  private RunOptions options(int sliceIndex, int sliceCount, List<Long> pids) {
    return new RunOptions(threads, connectRate, connectWindow, joinTimeout, drain, progress,
        roomPrefix, sliceIndex, sliceCount, pids, sliceCount == 1 ? killPid : 0, killAfter, flooders, phases,
        timeline == null ? null : sliceCount == 1 ? timeline : Path.of(timeline + "." + sliceIndex),
        sourceAddresses);
  }

  /** The arguments of child {@code index}: this scenario, its share of the connect pace, its slice. */
  private List<String> childArgs(int index) {
    List<String> args = new ArrayList<>(List.of(
        "--targets", String.join(",", targets), "--protocol", protocol,
        "--rooms", Integer.toString(rooms), "--members", Integer.toString(members),
        "--senders", Integer.toString(senders), "--rate", Double.toString(rate),
        "--size", Integer.toString(size), "--warmup", Integer.toString(warmup),
        "--duration", Integer.toString(duration), "--window", Integer.toString(window),
        "--connect-rate", Integer.toString(Math.max(1, connectRate / processes)),
        "--connect-window", Integer.toString(Math.max(1, connectWindow / processes)),
        "--join-timeout", Integer.toString(joinTimeout), "--drain", Integer.toString(drain),
        "--name", name, "--system", system, "--progress", Integer.toString(progress),
        "--room-prefix", roomPrefix, "--processes", Integer.toString(processes),
        "--phases", phases.name().toLowerCase(Locale.ROOT),
        "--slice", Integer.toString(index), "--threads", Integer.toString(threads)));
    if (timeline != null) {
      args.addAll(List.of("--timeline", timeline.toString()));
    }
    if (!sourceAddresses.isEmpty()) {
      args.addAll(List.of("--source-addresses", String.join(",", sourceAddresses)));
    }
    return args;
  }
}
