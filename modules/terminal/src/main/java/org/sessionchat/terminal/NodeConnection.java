package org.sessionchat.terminal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * One TCP connection to a node: lines out, and a thread of its own that hands each line
 * in to {@code lines}, then runs {@code closed} once when the connection ends, whoever
 * ended it.
 *
 * <p>Why a plain blocking socket: one connection per person, and a reader thread makes
 * the end of the connection (the node died) an event the client reacts to at once.
 */
final class NodeConnection implements AutoCloseable {

  private final Endpoint endpoint;
  private final Socket socket;
  private final OutputStream out;

  private NodeConnection(Endpoint endpoint, Socket socket) throws IOException {
    this.endpoint = endpoint;
    this.socket = socket;
    this.out = socket.getOutputStream();
  }

  /**
   * Connects to {@code endpoint} within {@code timeoutMillis}; nothing is read before {@link #start}.
   *
   * @throws IOException if the node does not accept the connection
   */
  static NodeConnection open(Endpoint endpoint, int timeoutMillis) throws IOException {
    Socket socket = new Socket();
    try {
      socket.connect(new InetSocketAddress(endpoint.host(), endpoint.port()), timeoutMillis);
      socket.setTcpNoDelay(true);
      return new NodeConnection(endpoint, socket);
    } catch (IOException e) {
      socket.close();
      throw e;
    }
  }

  /** Starts the reader thread: each line to {@code lines}, then {@code closed} once. */
  void start(Consumer<String> lines, Runnable closed) {
    Thread reader = new Thread(() -> read(lines, closed), "chat-reader-" + endpoint);
    reader.setDaemon(true);
    reader.start();
  }

  private void read(Consumer<String> lines, Runnable closed) {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        lines.accept(line);
      }
    } catch (IOException e) {
      // reset by the node, or closed here: the end of the connection either way
    } finally {
      closeQuietly();
      closed.run();
    }
  }

  Endpoint endpoint() {
    return endpoint;
  }

  /**
   * Writes one line (the terminator is added).
   *
   * @return false if the connection is gone (its reader thread reports the end)
   */
  synchronized boolean send(String line) {
    try {
      out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
      out.flush();
      return true;
    } catch (IOException e) {
      closeQuietly();
      return false;
    }
  }

  @Override
  public void close() {
    closeQuietly();
  }

  private void closeQuietly() {
    try {
      socket.close();
    } catch (IOException ignored) {
      // closing anyway
    }
  }
}
