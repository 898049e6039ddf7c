package org.sessionchat.chat.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A blocking IRC client for tests: sends raw IRC lines, reads the server's lines with a
 * bound on every read (a missing line fails the test instead of hanging it).
 */
public final class IrcClient implements AutoCloseable {

  public static final int READ_TIMEOUT_MILLIS = 10_000;

  private final Socket socket;
  private final BufferedReader in;
  private final OutputStream out;
  private final String nick;

  private IrcClient(Socket socket, String nick) throws IOException {
    this.socket = socket;
    this.nick = nick;
    socket.setSoTimeout(READ_TIMEOUT_MILLIS);
    this.in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
    this.out = socket.getOutputStream();
  }

  /** Connects without registering. */
  public static IrcClient open(int port) {
    try {
      return new IrcClient(new Socket("127.0.0.1", port), null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Connects and registers as {@code nick}, reading up to the end of the MOTD. */
  public static IrcClient connect(int port, String nick) {
    return connect("127.0.0.1", port, nick);
  }

  /** The same on {@code host} (a node on a loopback address of its own). */
  public static IrcClient connect(String host, int port, String nick) {
    try {
      IrcClient client = new IrcClient(new Socket(host, port), nick);
      client.send("NICK " + nick).send("USER " + nick + " 0 * :" + nick + " tester");
      client.until(" 376 ");
      return client;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String nick() {
    return nick;
  }

  /** Sends one line, terminated by CR LF. */
  public IrcClient send(String line) {
    try {
      out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
      out.flush();
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Sends bytes as they are. */
  public IrcClient sendRaw(byte[] bytes) {
    try {
      out.write(bytes);
      out.flush();
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The next line, or null at end of stream; PINGs from the server are answered and skipped. */
  public String next() {
    try {
      while (true) {
        String line = in.readLine();
        if (line != null && line.startsWith("PING ")) {
          send("PONG " + line.substring(5));
          continue;
        }
        return line;
      }
    } catch (SocketTimeoutException e) {
      throw new AssertionError("no line from the server within " + READ_TIMEOUT_MILLIS + " ms", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The next line, which must contain {@code part}. */
  public String expect(String part) {
    String line = next();
    assertThat(line).as("next line from the server").isNotNull().contains(part);
    return line;
  }

  /** Reads lines up to and including the first that contains {@code part}; returns them all. */
  public List<String> until(String part) {
    return until(line -> line.contains(part), part);
  }

  private List<String> until(Predicate<String> last, String what) {
    List<String> lines = new ArrayList<>();
    while (true) {
      String line = next();
      assertThat(line).as("a line with " + what + " after " + lines).isNotNull();
      lines.add(line);
      if (last.test(line)) {
        return lines;
      }
    }
  }

  /** The numeric of a server line {@code :server NNN target ...}, or null. */
  public static String numeric(String line) {
    String[] words = line.split(" ", 3);
    return words.length >= 2 && words[1].matches("\\d{3}") ? words[1] : null;
  }

  /** JOINs {@code channel} and reads to the end of its NAMES; returns the lines. */
  public List<String> join(String channel) {
    send("JOIN " + channel);
    return until(" 366 " + nick + " " + channel + " ");
  }

  /** Nothing pending: a PING is answered before anything else comes. */
  public void expectNothingPending() {
    send("PING :sync");
    expect("PONG");
  }

  /** Waits for the server to close the connection, skipping what comes before. */
  public List<String> untilClosed() {
    List<String> lines = new ArrayList<>();
    while (true) {
      String line = next();
      if (line == null) {
        return lines;
      }
      lines.add(line);
    }
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException ignored) {
      // already gone
    }
  }
}
