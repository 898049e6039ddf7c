package org.sessionchat.bench.failover;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Measures how long after a node fails its room's members elsewhere are told
 * {@code OFFLINE:<room>}: the figure issue 6 asks for, without load, so that it shows
 * failure detection and not queueing.
 *
 * <p>One client on the room's node creates and joins a room; {@code --clients} clients on the
 * other targets join it; then the room's node gets {@code --signal} ({@code KILL} for a
 * crash, {@code STOP} for a hung process) and each member's time to {@code OFFLINE} is
 * taken from the moment the signal was sent. One JSON line on stdout.
 */
@Command(name = "failover-probe", mixinStandardHelpOptions = true,
    description = "Time from a node's failure to OFFLINE at the members of its room on other nodes.")
public final class FailoverProbe implements Callable<Integer> {

  @Option(names = "--room-node", required = true, description = "host:port of the node that hosts the room")
  String roomNode;

  @Option(names = "--member-nodes", required = true, split = ",", description = "host:port of the other nodes, comma-separated")
  List<String> memberNodes;

  @Option(names = "--pid", required = true, description = "PID of the room's node process")
  long pid;

  @Option(names = "--signal", defaultValue = "KILL", description = "KILL or STOP (default: ${DEFAULT-VALUE})")
  String signal;

  @Option(names = "--clients", defaultValue = "10", description = "members on the other nodes, round-robin (default: ${DEFAULT-VALUE})")
  int clients;

  @Option(names = "--timeout", defaultValue = "30", description = "seconds to wait for every OFFLINE (default: ${DEFAULT-VALUE})")
  int timeoutSeconds;

  @Override
  public Integer call() throws Exception {
    if (!signal.equals("KILL") && !signal.equals("STOP")) {
      throw new CommandLine.ParameterException(new CommandLine(this), "--signal must be KILL or STOP, not " + signal);
    }
    String room = "failover-" + UUID.randomUUID().toString().substring(0, 8);
    List<Member> members = new ArrayList<>();
    try (Member host = Member.connect(roomNode)) {
      host.request("CREATE:" + room, "OK:CREATE:" + room);
      host.request("JOIN:" + room, "OK:JOIN:" + room);
      for (int i = 0; i < clients; i++) {
        Member member = Member.connect(memberNodes.get(i % memberNodes.size()));
        members.add(member);
        member.request("JOIN:" + room, "OK:JOIN:" + room);
      }
      AtomicLongArray toldAt = new AtomicLongArray(clients);
      CountDownLatch told = new CountDownLatch(clients);
      for (int i = 0; i < clients; i++) {
        members.get(i).watchFor("OFFLINE:" + room, toldAt, i, told);
      }
      long sentAt = System.nanoTime();
      Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
      if (kill.waitFor() != 0) {
        System.err.println("failover-probe: kill -" + signal + " " + pid + " failed");
        return 1;
      }
      told.await(timeoutSeconds, TimeUnit.SECONDS);
      long unlistedAt = members.isEmpty() || toldAt.get(0) == 0 ? 0 : members.get(0).awaitUnlisted(room, sentAt + TimeUnit.SECONDS.toNanos(timeoutSeconds));
      System.out.println(json(sentAt, toldAt, unlistedAt));
      return told.getCount() == 0 ? 0 : 1;
    } finally {
      for (Member member : members) {
        member.close();
      }
    }
  }

  private String json(long sentAt, AtomicLongArray toldAt, long unlistedAt) {
    double[] millis = new double[toldAt.length()];
    int count = 0;
    for (int i = 0; i < toldAt.length(); i++) {
      if (toldAt.get(i) != 0) {
        millis[count++] = (toldAt.get(i) - sentAt) / 1e6;
      }
    }
    double[] told = Arrays.copyOf(millis, count);
    Arrays.sort(told);
    return String.format(java.util.Locale.ROOT,
        "{\"signal\":\"%s\",\"clients\":%d,\"told\":%d,\"minMs\":%.0f,\"medianMs\":%.0f,\"maxMs\":%.0f,\"unlistedMs\":%d,\"nodeMaxMs\":%s}",
        signal, clients, count, count == 0 ? -1 : told[0], count == 0 ? -1 : told[count / 2],
        count == 0 ? -1 : told[count - 1], unlistedAt == 0 ? -1 : Math.round((unlistedAt - sentAt) / 1e6),
        nodeMaxima(sentAt, toldAt));
  }

  /** The slowest member's time on each member node, in the order of --member-nodes; -1 where one was not told. */
  private String nodeMaxima(long sentAt, AtomicLongArray toldAt) {
    long[] slowest = new long[memberNodes.size()];
    for (int i = 0; i < toldAt.length(); i++) {
      int node = i % memberNodes.size();
      long at = toldAt.get(i);
      slowest[node] = at == 0 || slowest[node] < 0 ? -1 : Math.max(slowest[node], Math.round((at - sentAt) / 1e6));
    }
    StringBuilder json = new StringBuilder("{");
    for (int node = 0; node < slowest.length; node++) {
      json.append(node == 0 ? "" : ",").append('"').append(memberNodes.get(node)).append("\":").append(slowest[node]);
    }
    return json.append('}').toString();
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new FailoverProbe()).execute(args));
  }

  /** One blocking wire-protocol client: a handful of them is all this probe needs. */
  private static final class Member implements AutoCloseable {
    private final Socket socket;
    private final BufferedReader in;
    private final OutputStream out;

    private Member(Socket socket) throws IOException {
      this.socket = socket;
      this.in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
      this.out = socket.getOutputStream();
    }

    static Member connect(String hostPort) throws IOException {
      int colon = hostPort.lastIndexOf(':');
      Socket socket = new Socket();
      socket.connect(new InetSocketAddress(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1))), 10_000);
      socket.setSoTimeout(10_000);
      Member member = new Member(socket);
      String welcome = member.in.readLine();
      if (welcome == null || !welcome.startsWith("WELCOME:")) {
        throw new IOException(hostPort + " greeted with " + welcome);
      }
      return member;
    }

    void request(String line, String expected) throws IOException {
      out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
      out.flush();
      String reply = in.readLine();
      if (!expected.equals(reply)) {
        throw new IOException(line + " was answered " + reply + ", expected " + expected);
      }
    }

    /**
     * Sends {@code LIST} until the answer no longer names {@code room} (the registry has forgotten
     * the dead node's room) and returns when that answer came, or 0 past {@code deadline}.
     * Only after this member's watcher saw its {@code OFFLINE}: it reads the socket itself.
     */
    long awaitUnlisted(String room, long deadline) throws IOException {
      if (deadline <= System.nanoTime()) {
        return 0;
      }
      socket.setSoTimeout((int) Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
      while (System.nanoTime() < deadline) {
        out.write("LIST\n".getBytes(StandardCharsets.UTF_8));
        out.flush();
        String reply;
        try {
          do {
            reply = in.readLine();
          } while (reply != null && !reply.startsWith("ROOMS"));
        } catch (java.net.SocketTimeoutException late) {
          return 0;
        }
        if (reply == null) {
          return 0;
        }
        if (!List.of(reply.split(":")).contains(room)) {
          return System.nanoTime();
        }
        try {
          Thread.sleep(20);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return 0;
        }
      }
      return 0;
    }

    /** Records when {@code line} arrives, on a thread of its own. */
    void watchFor(String line, AtomicLongArray toldAt, int index, CountDownLatch told) {
      Thread watcher = new Thread(() -> {
        try {
          socket.setSoTimeout(0);
          for (String received = in.readLine(); received != null; received = in.readLine()) {
            if (received.equals(line)) {
              toldAt.set(index, System.nanoTime());
              told.countDown();
              return;
            }
          }
        } catch (IOException e) {
          // closed: this member is not counted as told
        }
      }, "offline-watch-" + index);
      watcher.setDaemon(true);
      watcher.start();
    }

    @Override
    public void close() {
      try {
        socket.close();
      } catch (IOException e) {
        // nothing left to do with it
      }
    }
  }
}
