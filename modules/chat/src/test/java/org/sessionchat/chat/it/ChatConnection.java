package org.sessionchat.chat.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One wire-protocol client over a real socket, as a chat user's program would be: lines out,
 * lines in, nothing else.
 *
 * <p>Why a reader thread and a queue: a test waits for the next line with a bound, and
 * chat lines from other members may arrive at any time between replies.
 */
final class ChatConnection implements AutoCloseable {

  private static final String CLOSED = "\u0000closed";

  private final Socket socket;
  private final OutputStream out;
  private final LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private final String welcome;

  ChatConnection(int port) throws Exception {
    this(InetAddress.getLoopbackAddress(), port);
  }

  ChatConnection(InetAddress host, int port) throws Exception {
    socket = new Socket(host, port);
    socket.setTcpNoDelay(true);
    out = socket.getOutputStream();
    Thread reader = new Thread(this::readLoop, "chat-client-" + port);
    reader.setDaemon(true);
    reader.start();
    welcome = next(Duration.ofSeconds(10));
    assertThat(welcome).startsWith("WELCOME:");
  }

  /** A connection to {@code port} that has taken the nickname {@code nick}. */
  static ChatConnection as(String nick, int port) throws Exception {
    return as(nick, InetAddress.getLoopbackAddress(), port);
  }

  /** A connection to {@code host:port} (a node on its own loopback address) named {@code nick}. */
  static ChatConnection as(String nick, InetAddress host, int port) throws Exception {
    ChatConnection connection = new ChatConnection(host, port);
    try {
      connection.request("NICK:" + nick, "OK:NICK:" + nick);
      return connection;
    } catch (Exception | AssertionError e) {
      connection.close();
      throw e;
    }
  }

  /** The {@code WELCOME:<nick>:<node>} line. */
  String welcome() {
    return welcome;
  }

  void send(String line) throws IOException {
    out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  /** {@code host} creates {@code room} and joins it, then each of {@code members} joins it. */
  static void roomWith(String room, ChatConnection host, ChatConnection... members) throws Exception {
    host.request("CREATE:" + room, "OK:CREATE:" + room);
    host.request("JOIN:" + room, "OK:JOIN:" + room);
    for (ChatConnection member : members) {
      member.request("JOIN:" + room, "OK:JOIN:" + room);
    }
  }

  /** Sends {@code line} and asserts the next line is {@code reply}. */
  void request(String line, String reply) throws Exception {
    send(line);
    assertThat(next(Duration.ofSeconds(10))).as("reply to %s", line).isEqualTo(reply);
  }

  /** The next line, or an assertion failure after {@code timeout}; {@code null} never. */
  String next(Duration timeout) throws InterruptedException {
    String line = lines.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    assertThat(line).as("a line within %s", timeout).isNotNull();
    assertThat(line).as("connection still open").isNotEqualTo(CLOSED);
    return line;
  }

  /** The next line, or null if none arrives within {@code timeout} or the connection closed. */
  String poll(Duration timeout) throws InterruptedException {
    String line = lines.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    if (CLOSED.equals(line)) {
      lines.add(CLOSED);
      return null;
    }
    return line;
  }

  /** Skips lines until one equals {@code expected}; returns the lines skipped. */
  List<String> await(String expected, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<String> skipped = new ArrayList<>();
    while (true) {
      long left = deadline - System.nanoTime();
      String line = left > 0 ? lines.poll(left, TimeUnit.NANOSECONDS) : null;
      assertThat(line).as("'%s' within %s; got meanwhile %s", expected, timeout, skipped).isNotNull();
      if (line.equals(expected)) {
        return skipped;
      }
      skipped.add(line);
    }
  }

  /** True once the server closed the connection (all lines before that are still readable). */
  boolean awaitClosed(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      String line = lines.poll(50, TimeUnit.MILLISECONDS);
      if (CLOSED.equals(line)) {
        return true;
      }
    }
    return false;
  }

  /** Every line received so far, without waiting. */
  List<String> drain() {
    List<String> all = new ArrayList<>();
    lines.drainTo(all);
    all.remove(CLOSED);
    return all;
  }

  private void readLoop() {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        lines.add(line);
      }
    } catch (IOException e) {
      // connection reset or closed by close(): both end the stream
    } finally {
      lines.add(CLOSED);
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
