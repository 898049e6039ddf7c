package org.sessionchat.chat.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A random free loopback port below 32768, for servers a test starts that cannot be given
 * port 0 (the kernel's ephemeral ports start at 32768 here, and tests stay below them so
 * they never collide with the outgoing connections of others on the machine).
 */
public final class FreePort {

  private static final int LOW = 20_000;
  private static final int HIGH = 32_000;

  private FreePort() {
  }

  public static int pick() {
    for (int attempt = 0; attempt < 200; attempt++) {
      int port = ThreadLocalRandom.current().nextInt(LOW, HIGH);
      try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
        return port;
      } catch (IOException taken) {
        // try another
      }
    }
    throw new IllegalStateException("no free port in " + LOW + ".." + HIGH);
  }
}
