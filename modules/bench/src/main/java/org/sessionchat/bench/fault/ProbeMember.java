package org.sessionchat.bench.fault;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One chat member of the fault probe: a blocking line-protocol client whose reader thread
 * records what the node sent it (every {@code MSG} of the room by sender and number,
 * {@code OFFLINE}, {@code ERROR}, the end of the connection), with the time each came.
 *
 * <p>Why blocking sockets and a thread each: a member on a stopped or cut-off node must not
 * hold up the others; with a thread per member only its own writes wait.
 */
final class ProbeMember implements AutoCloseable {

  /** Answers to requests, in order; chat lines and notices never land here. */
  private final BlockingQueue<String> replies = new LinkedBlockingQueue<>();
  /** Sender nick to the numbers received from it, in arrival order. */
  private final Map<String, List<Integer>> received = new ConcurrentHashMap<>();
  /** Chat lines that are not numbered (the routing check's). */
  private final Set<String> heard = ConcurrentHashMap.newKeySet();
  private final List<String> errors = new ArrayList<>();
  private final String name;
  private final int node;
  private final Socket socket;
  private final BufferedReader in;
  private final OutputStream out;
  private final long origin;
  private volatile String room;
  private volatile long offlineNanos = -1;
  private volatile long closedNanos = -1;
  private volatile int sent;
  /** When each numbered line was sent, nanoseconds after the origin: line n at index n - 1. */
  private final List<Long> sentAt = new ArrayList<>();

  private ProbeMember(String name, int node, Socket socket, long origin) throws IOException {
    this.name = name;
    this.node = node;
    this.socket = socket;
    this.origin = origin;
    this.in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
    this.out = socket.getOutputStream();
  }

  /**
   * Connects to {@code hostPort} (node {@code node}), reads the welcome and takes the nick
   * {@code name}. {@code origin}: the probe's clock start, for the times recorded.
   */
  static ProbeMember connect(String name, int node, String hostPort, long origin) throws IOException {
    int colon = hostPort.lastIndexOf(':');
    Socket socket = new Socket();
    socket.connect(new InetSocketAddress(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1))),
        10_000);
    socket.setTcpNoDelay(true);
    ProbeMember member = new ProbeMember(name, node, socket, origin);
    socket.setSoTimeout(15_000);
    String welcome = member.in.readLine();
    if (welcome == null || !welcome.startsWith("WELCOME:")) {
      socket.close();
      throw new IOException(hostPort + " greeted with " + welcome);
    }
    socket.setSoTimeout(0);
    Thread reader = new Thread(member::read, "probe-read-" + name);
    reader.setDaemon(true);
    reader.start();
    member.request("NICK:" + name, "OK:NICK:" + name, 15);
    return member;
  }

  private void read() {
    try {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        take(line);
      }
    } catch (IOException e) {
      // reset by a killed node, or closed by us: the end of the connection either way
    }
    closedNanos = System.nanoTime() - origin;
    replies.add("");
  }

  private void take(String line) {
    String current = room;
    if (current != null && line.startsWith("MSG:" + current + ":")) {
      String rest = line.substring(current.length() + 5);
      int colon = rest.indexOf(':');
      if (colon > 0) {
        try {
          int number = Integer.parseInt(rest.substring(colon + 1));
          received.computeIfAbsent(rest.substring(0, colon), k -> new ArrayList<>()).add(number);
          return;
        } catch (NumberFormatException e) {
          // a routing-check line: not part of the numbered stream
        }
      }
      heard.add(line);
    } else if (current != null && line.equals("OFFLINE:" + current)) {
      if (offlineNanos < 0) {
        offlineNanos = System.nanoTime() - origin;
      }
    } else {
      if (line.startsWith("ERROR:")) {
        synchronized (errors) {
          errors.add(line);
        }
      }
      replies.add(line);
    }
  }

  /** Sends {@code line} and waits for the answer; true if it was {@code expected}. */
  boolean request(String line, String expected, int seconds) throws IOException {
    send(line);
    return expected.equals(next(seconds));
  }

  /** The next line that is not a numbered chat line, or null after {@code seconds}. */
  String next(int seconds) {
    try {
      String line = replies.poll(seconds, TimeUnit.SECONDS);
      return line == null || line.isEmpty() ? null : line;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  /** Waits up to {@code seconds} until a chat line equal to {@code wanted} came. */
  boolean heard(String wanted, int seconds) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (!heard.contains(wanted) && System.nanoTime() < deadline && closedNanos < 0) {
      try {
        TimeUnit.MILLISECONDS.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return heard.contains(wanted);
  }

  void send(String line) throws IOException {
    synchronized (out) {
      out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
      out.flush();
    }
  }

  /** Joins {@code name}; the numbered lines of its members are counted from now on. */
  boolean join(String name) throws IOException {
    room = name;
    return request("JOIN:" + name, "OK:JOIN:" + name, 30);
  }

  /** Sends the next numbered line, unless the room went offline or the connection ended. */
  boolean chatNext() {
    if (!inRoom()) {
      return false;
    }
    try {
      long at = System.nanoTime() - origin;
      send("CHAT:" + (sent + 1));
      synchronized (sentAt) {
        sentAt.add(at);
      }
      sent++;
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  boolean inRoom() {
    return offlineNanos < 0 && closedNanos < 0;
  }

  String name() {
    return name;
  }

  int node() {
    return node;
  }

  String room() {
    return room;
  }

  int sent() {
    return sent;
  }

  /** How many numbered lines were sent before {@code nanos} after the origin. */
  int sentBefore(long nanos) {
    synchronized (sentAt) {
      int count = 0;
      while (count < sentAt.size() && sentAt.get(count) < nanos) {
        count++;
      }
      return count;
    }
  }

  /**
   * When this member's time in the room ended (told {@code OFFLINE} or disconnected), in
   * nanoseconds after the origin; {@link Long#MAX_VALUE} while it is in.
   */
  long leftAt() {
    long left = Long.MAX_VALUE;
    if (offlineNanos >= 0) {
      left = offlineNanos;
    }
    if (closedNanos >= 0) {
      left = Math.min(left, closedNanos);
    }
    return left;
  }

  /** The numbers received from {@code sender}, in arrival order. */
  List<Integer> receivedFrom(String sender) {
    return received.getOrDefault(sender, List.of());
  }

  /** Nanoseconds after the origin that the room went offline for this member, -1 if it did not. */
  long offlineNanos() {
    return offlineNanos;
  }

  /** Nanoseconds after the origin that the connection ended, -1 if it is open. */
  long closedNanos() {
    return closedNanos;
  }

  List<String> errors() {
    synchronized (errors) {
      return List.copyOf(errors);
    }
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
