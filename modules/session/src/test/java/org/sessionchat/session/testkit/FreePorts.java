package org.sessionchat.session.testkit;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Free TCP ports on loopback for test servers, below the kernel's ephemeral range.
 *
 * <p>Why not port 0: the kernel then picks from its ephemeral range (32768-60999 on Linux),
 * where outgoing connections take their local ports too; a server port there can collide
 * with a client's. Ports are taken at random from 20000-32000 and checked by binding.
 */
public final class FreePorts {

  private static final int LOW = 20_000;
  private static final int HIGH = 32_000;

  private FreePorts() {
  }

  /** A port in 20000-32000 that was free on 127.0.0.1 a moment ago. */
  public static int next() {
    for (int attempt = 0; attempt < 200; attempt++) {
      int port = ThreadLocalRandom.current().nextInt(LOW, HIGH);
      try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
        socket.setReuseAddress(true);
        return socket.getLocalPort();
      } catch (IOException taken) {
        // try another
      }
    }
    throw new IllegalStateException("no free port in " + LOW + "-" + HIGH + " after 200 attempts");
  }
}
