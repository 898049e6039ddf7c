package org.sessionchat.chat.testing;

import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import org.sessionchat.chat.ChatServerNode;
import org.sessionchat.chat.ProtocolSource;
import org.sessionchat.session.testkit.ClusteredVertxNodes;
import org.sessionchat.session.testkit.FreePorts;

/**
 * N chat nodes in this JVM on an in-process Hazelcast cluster with a random name (from
 * the session module's {@link ClusteredVertxNodes}), each on a free TCP port below the ephemeral range.
 */
public final class ClusteredChat implements AutoCloseable {

  private final ClusteredVertxNodes cluster;
  private final List<ChatServerNode> nodes = new ArrayList<>();

  private ClusteredChat(ClusteredVertxNodes cluster) {
    this.cluster = cluster;
  }

  public static ClusteredChat start(int count) {
    return start(count, false);
  }

  /** Nodes with an IRC listener each (free ports) besides the line protocol. */
  public static ClusteredChat startWithIrc(int count) {
    return start(count, true);
  }

  private static ClusteredChat start(int count, boolean irc) {
    ClusteredChat chat = new ClusteredChat(ClusteredVertxNodes.start(count));
    try {
      for (int i = 0; i < count; i++) {
        chat.nodes.add(ClusteredVertxNodes.await(ChatServerNode.start(chat.cluster.node(i), ProtocolSource.bundled(true),
            irc ? new ChatServerNode.Settings("node" + i, "127.0.0.1", FreePorts.next(), 4096).withIrc(FreePorts.next(), null)
                : new ChatServerNode.Settings("node" + i, "127.0.0.1", FreePorts.next(), 4096)), 30));
      }
      return chat;
    } catch (Exception e) {
      chat.close();
      throw new IllegalStateException("chat cluster did not start", e);
    }
  }

  public ChatServerNode node(int i) {
    return nodes.get(i);
  }

  /** The Vert.x instance of node {@code i}. */
  public Vertx vertx(int i) {
    return cluster.node(i);
  }

  public LineClient connect(int node, String nick) {
    return LineClient.connect(nodes.get(node).port(), nick);
  }

  /** An IRC client registered as {@code nick} on node {@code node}. */
  public IrcClient irc(int node, String nick) {
    return IrcClient.connect(nodes.get(node).ircPort(), nick);
  }

  /** Kills node {@code i} abruptly (its Hazelcast member leaves without a goodbye). */
  public void kill(int i) {
    cluster.kill(i);
  }

  @Override
  public void close() {
    for (ChatServerNode node : nodes) {
      try {
        ClusteredVertxNodes.await(node.close(), 10);
      } catch (RuntimeException e) {
        // killed already
      }
    }
    cluster.close();
  }
}
