package org.sessionchat.chat.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * A blocking, line-based chat client for tests: what a person with {@code nc} does.
 *
 * <p>Every read is bounded ({@link #READ_TIMEOUT_MILLIS}); a missing line fails the test
 * with what was expected instead of hanging it.
 */
public final class LineClient implements AutoCloseable {

  public static final int READ_TIMEOUT_MILLIS = 10_000;

  private final Socket socket;
  private final BufferedReader in;
  private final OutputStream out;
  private final String welcome;

  private LineClient(Socket socket) throws IOException {
    this.socket = socket;
    socket.setSoTimeout(READ_TIMEOUT_MILLIS);
    this.in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
    this.out = socket.getOutputStream();
    this.welcome = next();
  }

  /** Connects to a node on loopback and reads its {@code WELCOME} line. */
  public static LineClient connect(int port) {
    try {
      return new LineClient(new Socket("127.0.0.1", port));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads the {@code WELCOME} line on a socket already connected to a node. */
  public static LineClient over(Socket socket) {
    try {
      return new LineClient(socket);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Connects from {@code localAddress} (any 127.x.y.z works on Linux) to a node on loopback. */
  public static LineClient connectFrom(String localAddress, int port) {
    try {
      return new LineClient(new Socket(InetAddress.getLoopbackAddress(), port, InetAddress.getByName(localAddress), 0));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Connects, then sets the nickname. */
  public static LineClient connect(int port, String nick) {
    LineClient client = connect(port);
    client.call("NICK:" + nick, "OK:NICK:" + nick);
    return client;
  }

  public String welcome() {
    return welcome;
  }

  /** Sends one line, terminated by {@code \n}. */
  public LineClient send(String line) {
    return sendRaw((line + "\n").getBytes(StandardCharsets.UTF_8));
  }

  public LineClient sendRaw(byte[] bytes) {
    try {
      out.write(bytes);
      out.flush();
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The next line from the server; fails after the read timeout, returns null at end of stream. */
  public String next() {
    try {
      return in.readLine();
    } catch (SocketTimeoutException e) {
      throw new AssertionError("no line from the server within " + READ_TIMEOUT_MILLIS + " ms", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Asserts the next line. */
  public LineClient expect(String line) {
    assertThat(next()).isEqualTo(line);
    return this;
  }

  /** Sends {@code line} and asserts the answer. */
  public LineClient call(String line, String answer) {
    return send(line).expect(answer);
  }

  /**
   * Asserts nothing else was written to this client before a {@code PONG}: every line the
   * server had for it before answering a PING would come first.
   */
  public void expectNothingPending() {
    call("PING:sync", "PONG:sync");
  }

  /** Waits for the server to close the connection. */
  public void expectClosed() {
    assertThat(next()).isNull();
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
