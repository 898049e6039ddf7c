package org.sessionchat.chat.testing;

import io.vertx.core.Vertx;
import java.util.concurrent.TimeUnit;
import org.sessionchat.chat.ChatServerNode;
import org.sessionchat.chat.ProtocolSource;
import org.sessionchat.chat.limits.Limits;
import org.sessionchat.session.testkit.FreePorts;

/**
 * A single chat node without a cluster, on a free port below the ephemeral range, for tests.
 */
public final class LocalChatNode implements AutoCloseable {

  private final Vertx vertx;
  private final ChatServerNode node;

  private LocalChatNode(Vertx vertx, ChatServerNode node) {
    this.vertx = vertx;
    this.node = node;
  }

  public static LocalChatNode start(String name, boolean monitor) {
    return start(name, monitor, Limits.NONE);
  }

  /** A node with {@code limits} (and the monitor on). */
  public static LocalChatNode start(Limits limits) {
    return start("test-node", true, limits);
  }

  private static LocalChatNode start(String name, boolean monitor, Limits limits) {
    return start(Vertx.vertx(), monitor, new ChatServerNode.Settings(name, "127.0.0.1", FreePorts.next(), 4096, limits));
  }

  /** A node with an IRC listener on a free port (the monitor on). */
  public static LocalChatNode withIrc(String name, Limits limits) {
    return start(Vertx.vertx(), true, new ChatServerNode.Settings(name, "127.0.0.1", FreePorts.next(), 4096, limits).withIrc(FreePorts.next(), null));
  }

  /** A node with {@code settings} on {@code vertx} (e.g. one with metrics); both are closed by {@link #close}. */
  public static LocalChatNode start(Vertx vertx, boolean monitor, ChatServerNode.Settings settings) {
    try {
      ChatServerNode node = ChatServerNode.start(vertx, ProtocolSource.bundled(monitor), settings)
          .await(30, TimeUnit.SECONDS);
      return new LocalChatNode(vertx, node);
    } catch (Exception e) {
      vertx.close();
      throw new IllegalStateException("chat node did not start", e);
    }
  }

  public static LocalChatNode start() {
    return start("test-node", true);
  }

  public ChatServerNode node() {
    return node;
  }

  public Vertx vertx() {
    return vertx;
  }

  public int port() {
    return node.port();
  }

  /** The IRC port (a node started {@link #withIrc}). */
  public int ircPort() {
    return node.ircPort();
  }

  public IrcClient irc(String nick) {
    return IrcClient.connect(ircPort(), nick);
  }

  public LineClient connect(String nick) {
    return LineClient.connect(port(), nick);
  }

  @Override
  public void close() throws Exception {
    try {
      node.close().await(10, TimeUnit.SECONDS);
    } finally {
      vertx.close().await(10, TimeUnit.SECONDS);
    }
  }
}
