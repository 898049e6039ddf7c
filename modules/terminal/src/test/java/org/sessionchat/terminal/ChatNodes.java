package org.sessionchat.terminal;

import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import org.sessionchat.chat.ChatServerNode;
import org.sessionchat.chat.ProtocolSource;
import org.sessionchat.session.testkit.ClusteredVertxNodes;
import org.sessionchat.session.testkit.FreePorts;

/**
 * Real chat nodes for the client's tests, on free ports below the ephemeral range: one without a cluster, or
 * several in this JVM on an in-process Hazelcast cluster with a random name.
 */
final class ChatNodes implements AutoCloseable {

  private final ClusteredVertxNodes cluster;
  private final List<Vertx> vertxes = new ArrayList<>();
  private final List<ChatServerNode> nodes = new ArrayList<>();

  private ChatNodes(ClusteredVertxNodes cluster) {
    this.cluster = cluster;
  }

  static ChatNodes single() {
    ChatNodes chat = new ChatNodes(null);
    chat.vertxes.add(Vertx.vertx());
    return chat.startNodes();
  }

  static ChatNodes clustered(int count) {
    ChatNodes chat = new ChatNodes(ClusteredVertxNodes.start(count));
    chat.vertxes.addAll(chat.cluster.nodes());
    return chat.startNodes();
  }

  private ChatNodes startNodes() {
    try {
      for (int i = 0; i < vertxes.size(); i++) {
        nodes.add(ClusteredVertxNodes.await(ChatServerNode.start(vertxes.get(i), ProtocolSource.bundled(true),
            new ChatServerNode.Settings("node" + (i + 1), "127.0.0.1", FreePorts.next(), 4096)), 30));
      }
      return this;
    } catch (Exception e) {
      close();
      throw new IllegalStateException("chat nodes did not start", e);
    }
  }

  int port(int i) {
    return nodes.get(i).port();
  }

  Endpoint endpoint(int i) {
    return new Endpoint("127.0.0.1", port(i));
  }

  /** Kills node {@code i}: its Hazelcast member leaves without a goodbye, its connections drop. */
  void kill(int i) {
    if (cluster != null) {
      cluster.kill(i);
      try { // an in-process kill may leave the node's client sockets open; a dead process would not
        ClusteredVertxNodes.await(nodes.get(i).close(), 10);
      } catch (RuntimeException e) {
        // closed with its Vert.x already
      }
    } else {
      ClusteredVertxNodes.await(vertxes.get(i).close(), 15);
    }
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
    if (cluster != null) {
      cluster.close();
    } else {
      vertxes.forEach(v -> {
        try {
          ClusteredVertxNodes.await(v.close(), 10);
        } catch (RuntimeException e) {
          // closed already
        }
      });
    }
  }
}
