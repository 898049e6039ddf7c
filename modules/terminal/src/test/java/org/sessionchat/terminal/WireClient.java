package org.sessionchat.terminal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/** The other person in a test: a bare wire-protocol connection, one line at a time. */
final class WireClient implements AutoCloseable {

  private final Socket socket;
  private final BufferedReader in;
  private final OutputStream out;

  WireClient(int port) {
    try {
      socket = new Socket("127.0.0.1", port);
      socket.setSoTimeout(30_000);
      in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
      out = socket.getOutputStream();
      next(); // WELCOME
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  WireClient send(String line) {
    try {
      out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
      out.flush();
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Sends {@code line} and returns the next line the node sends. */
  String call(String line) {
    return send(line).next();
  }

  String next() {
    try {
      String line = in.readLine();
      if (line == null) {
        throw new IllegalStateException("connection closed");
      }
      return line;
    } catch (SocketTimeoutException e) {
      throw new IllegalStateException("no line within 30 s", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
