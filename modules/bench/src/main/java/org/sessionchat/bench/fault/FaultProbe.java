package org.sessionchat.bench.fault;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * One round of a fault under chat load, measured the way a user sees it.
 *
 * <p>Every node hosts a room; members on every node join every room's conversation (one
 * room each) and send numbered lines at a steady rate. Then {@code --fault} is run (e.g.
 * {@code scripts/faults split "1 2" "3"}), later {@code --heal}, and the probe records: who
 * was told {@code OFFLINE} and when, whose connection ended, what a CREATE of one name on every
 * node answered during the fault, how long until every node saw the whole cluster and listed
 * the same rooms again, whether every listed room can be joined from every node and passes
 * lines between all of them (no ghost, no twin), and what each pair of members that stayed in
 * a room lost of the other's lines. One JSON line on stdout.
 */
@Command(name = "fault-probe", mixinStandardHelpOptions = true,
    description = "Chat load across a cluster while a fault is injected and healed; one JSON line of what users saw.")
public final class FaultProbe implements Callable<Integer> {

  @Option(names = "--nodes", required = true, split = ",", description = "host:port of every node's client port, node 1 first")
  List<String> nodes;

  @Option(names = "--health", required = true, split = ",", description = "host:port of every node's HTTP port, same order")
  List<String> health;

  @Option(names = "--fault-name", required = true, description = "label of the fault in the result (kill, pause, split)")
  String faultName;

  @Option(names = "--fault-node", required = true, description = "the node the fault isolates (killed, paused, or the minority)")
  int faultNode;

  @Option(names = "--fault", required = true, description = "shell command that starts the fault")
  String faultCommand;

  @Option(names = "--heal", required = true, description = "shell command that ends it (resume, heal, restart)")
  String healCommand;

  @Option(names = "--before", defaultValue = "5", description = "seconds of load before the fault (default: ${DEFAULT-VALUE})")
  int beforeSeconds;

  @Option(names = "--fault-for", defaultValue = "12", description = "seconds from fault to heal (default: ${DEFAULT-VALUE})")
  int faultSeconds;

  @Option(names = "--after", defaultValue = "5", description = "seconds of load after the heal (default: ${DEFAULT-VALUE})")
  int afterSeconds;

  @Option(names = "--heal-timeout", defaultValue = "60", description = "seconds the cluster may take to be whole again (default: ${DEFAULT-VALUE})")
  int healTimeoutSeconds;

  @Option(names = "--per-node", defaultValue = "2", description = "members of each room on each node (default: ${DEFAULT-VALUE})")
  int perNode;

  @Option(names = "--rate", defaultValue = "4", description = "lines per second per member (default: ${DEFAULT-VALUE})")
  double rate;

  @Option(names = "--create-during", description = "CREATE one name on every node halfway through the fault")
  boolean createDuring;

  private final long origin = System.nanoTime();
  private final String prefix = "f" + UUID.randomUUID().toString().substring(0, 6);

  @Override
  public Integer call() throws Exception {
    Map<String, List<ProbeMember>> rooms = new LinkedHashMap<>();
    List<ProbeMember> everyone = new ArrayList<>();
    AtomicBoolean talking = new AtomicBoolean(true);
    List<Thread> senders = new ArrayList<>();
    try {
      for (int host = 1; host <= nodes.size(); host++) {
        String room = prefix + "-r" + host;
        ProbeMember creator = member("h" + host, host, everyone);
        check(creator.request("CREATE:" + room, "OK:CREATE:" + room, 30), "CREATE " + room);
        List<ProbeMember> members = new ArrayList<>(List.of(creator));
        check(creator.join(room), "JOIN " + room);
        for (int node = 1; node <= nodes.size(); node++) {
          for (int k = 1; k <= perNode; k++) {
            ProbeMember member = member("m" + host + "n" + node + "k" + k, node, everyone);
            check(member.join(room), member.name() + " JOIN " + room);
            members.add(member);
          }
        }
        rooms.put(room, members);
      }
      for (ProbeMember member : everyone) {
        senders.add(startSender(member, talking));
      }
      sleepSeconds(beforeSeconds);

      long faultAt = now();
      int faultExit = shell(faultCommand);
      long faultCommandDone = now();
      Thread creates = createDuring ? createDuringFault(faultAt) : null;
      sleepUntil(faultAt + TimeUnit.SECONDS.toNanos(faultSeconds));
      long healAt = now();
      int healExit = shell(healCommand);
      long healCommandDone = now();
      List<String> expected = rooms.entrySet().stream()
          .filter(room -> room.getValue().get(0).closedNanos() < 0)
          .map(Map.Entry::getKey).toList();
      if (creates != null) {
        creates.join(TimeUnit.SECONDS.toMillis(30));
        if (twinCreated.get() > 0) {
          expected = new ArrayList<>(expected);
          expected.add(prefix + "-twin");
          expected.sort(null);
        }
      }
      ClusterView view = new ClusterView(nodes, health, prefix, origin);
      long wholeAt = -1;
      long healDeadline = healAt + TimeUnit.SECONDS.toNanos(healTimeoutSeconds);
      while (now() < healDeadline) {
        if (view.whole(nodes.size(), expected)) {
          wholeAt = now();
          break;
        }
        sleepSeconds(0.3);
      }
      sleepSeconds(afterSeconds);
      talking.set(false);
      for (Thread sender : senders) {
        sender.join(5_000);
      }
      sleepSeconds(3); // the last lines in flight
      Routing routing = Routing.check(nodes, expected, prefix, origin);
      System.out.println(result(rooms, everyone, faultAt, faultCommandDone, healAt, healCommandDone, wholeAt, faultExit, healExit,
          expected, routing, view).encode());
      return wholeAt >= 0 ? 0 : 1;
    } finally {
      talking.set(false);
      everyone.forEach(ProbeMember::close);
    }
  }

  private final AtomicInteger twinCreated = new AtomicInteger();
  private final Map<Integer, String> createAnswers = new ConcurrentHashMap<>();

  /** Halfway through the fault, every node is asked to CREATE the same name at once. */
  private Thread createDuringFault(long faultAt) {
    Thread thread = new Thread(() -> {
      sleepUntil(faultAt + TimeUnit.SECONDS.toNanos(faultSeconds) / 2);
      List<Thread> attempts = new ArrayList<>();
      for (int node = 1; node <= nodes.size(); node++) {
        int target = node;
        Thread attempt = new Thread(() -> {
          String room = prefix + "-twin";
          try (ProbeMember creator = ProbeMember.connect(prefix + "-c" + target, target, nodes.get(target - 1), origin)) {
            creator.send("CREATE:" + room);
            String answer = creator.next(Math.max(2, faultSeconds / 2 - 1));
            createAnswers.put(target, answer == null ? "no answer" : answer);
            if (("OK:CREATE:" + room).equals(answer)) {
              twinCreated.incrementAndGet();
            }
          } catch (IOException e) {
            createAnswers.put(target, "no connection");
          }
        }, "probe-create-" + node);
        attempt.setDaemon(true);
        attempt.start();
        attempts.add(attempt);
      }
      for (Thread attempt : attempts) {
        try {
          attempt.join(TimeUnit.SECONDS.toMillis(faultSeconds));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }, "probe-create");
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  private ProbeMember member(String name, int node, List<ProbeMember> everyone) throws IOException {
    ProbeMember member = ProbeMember.connect(prefix + "-" + name, node, nodes.get(node - 1), origin);
    everyone.add(member);
    return member;
  }

  private Thread startSender(ProbeMember member, AtomicBoolean talking) {
    long spacing = (long) (TimeUnit.SECONDS.toNanos(1) / rate);
    Thread thread = new Thread(() -> {
      long next = now() + (long) (Math.random() * spacing);
      while (talking.get() && member.chatNext()) {
        next += spacing;
        sleepUntil(next);
      }
    }, "probe-send-" + member.name());
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  private JsonObject result(Map<String, List<ProbeMember>> rooms, List<ProbeMember> everyone, long faultAt,
      long faultCommandDone, long healAt, long healCommandDone, long wholeAt, int faultExit, int healExit, List<String> expected,
      Routing routing, ClusterView view) {
    Losses losses = Losses.NONE;
    for (List<ProbeMember> members : rooms.values()) {
      losses = losses.plus(Losses.ofRoom(members));
    }
    JsonArray toldElsewhere = new JsonArray();
    JsonArray toldOnFaultNode = new JsonArray();
    JsonArray toldBetweenLive = new JsonArray();
    int closed = 0;
    long sent = 0;
    Map<String, Integer> errors = new LinkedHashMap<>();
    for (ProbeMember member : everyone) {
      sent += member.sent();
      if (member.offlineNanos() >= 0) {
        long told = millis(member.offlineNanos() - faultAt);
        if (member.node() == faultNode) {
          toldOnFaultNode.add(told);
        } else if (member.room().endsWith("-r" + faultNode)) {
          toldElsewhere.add(told);
        } else { // a room of a live node, a member on a live node: a live node was removed
          toldBetweenLive.add(told);
        }
      }
      if (member.closedNanos() >= 0) {
        closed++;
      }
      for (String error : member.errors()) {
        errors.merge(error.replace(prefix, "<probe>"), 1, Integer::sum);
      }
    }
    JsonObject sizes = new JsonObject();
    for (int node = 1; node <= view.nodes(); node++) {
      sizes.put("node" + node, view.clusterSize(node).orElse(-1));
    }
    JsonObject creates = new JsonObject();
    createAnswers.forEach((node, answer) -> creates.put("node" + node, answer.replace(prefix, "<probe>")));
    return new JsonObject()
        .put("fault", faultName).put("faultNode", faultNode).put("nodes", nodes.size())
        .put("members", everyone.size()).put("rooms", rooms.size()).put("ratePerMember", rate)
        .put("faultSeconds", faultSeconds).put("faultExit", faultExit).put("healExit", healExit)
        .put("faultCommandMs", millis(faultCommandDone - faultAt))
        .put("sent", sent)
        .put("livePairs", losses.livePairs()).put("owed", losses.owed()).put("lost", losses.lost())
        .put("reordered", losses.reordered()).put("duplicated", losses.duplicated())
        .put("cutPairs", losses.cutPairs()).put("cutMissing", losses.cutMissing())
        .put("toldElsewhereMs", sorted(toldElsewhere)).put("toldOnFaultNodeMs", sorted(toldOnFaultNode))
        .put("toldBetweenLiveNodesMs", sorted(toldBetweenLive))
        .put("connectionsLost", closed).put("errors", new JsonObject(new LinkedHashMap<>(errors)))
        .put("createDuringFault", creates)
        .put("healCommandMs", millis(healCommandDone - healAt))
        .put("wholeAfterHealMs", wholeAt >= 0 ? millis(wholeAt - healAt) : -1)
        .put("expectedRooms", expected.size())
        .put("clusterSizesAtEnd", sizes)
        .put("listsAtEnd", lists(view))
        .put("routing", routing.toJson());
  }

  private JsonObject lists(ClusterView view) {
    JsonObject lists = new JsonObject();
    for (int node = 1; node <= view.nodes(); node++) {
      Optional<List<String>> rooms = view.rooms(node);
      lists.put("node" + node, rooms.map(names -> new JsonArray(names.stream()
          .map(name -> name.replace(prefix, "<probe>")).toList())).orElse(null));
    }
    return lists;
  }

  private static JsonArray sorted(JsonArray values) {
    List<Long> list = new ArrayList<>();
    values.forEach(value -> list.add(((Number) value).longValue()));
    list.sort(null);
    return new JsonArray(new ArrayList<>(list));
  }

  private static long millis(long nanos) {
    return TimeUnit.NANOSECONDS.toMillis(nanos);
  }

  private long now() {
    return System.nanoTime() - origin;
  }

  private void sleepUntil(long atFromOrigin) {
    long wait = atFromOrigin - now();
    if (wait > 0) {
      try {
        TimeUnit.NANOSECONDS.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static void sleepSeconds(double seconds) throws InterruptedException {
    TimeUnit.MILLISECONDS.sleep((long) (seconds * 1000));
  }

  /** Runs {@code command} with bash and waits for it; its output is copied to stderr. */
  private static int shell(String command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder("bash", "-c", command).redirectErrorStream(true).start();
    Thread copy = new Thread(() -> {
      try {
        process.getInputStream().transferTo(System.err);
      } catch (IOException e) {
        // the command's output is only informative
      }
    }, "probe-shell-output");
    copy.setDaemon(true);
    copy.start();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      return -1;
    }
    copy.join(1_000);
    return process.exitValue();
  }

  private static void check(boolean ok, String what) throws IOException {
    if (!ok) {
      throw new IOException(what + " failed before the fault");
    }
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new FaultProbe()).execute(args));
  }
}
