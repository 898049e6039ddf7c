package org.sessionchat.chat.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.sessionchat.chat.actor.ClientEvent;
import org.sessionchat.chat.limits.ConnectionGuard;
import org.sessionchat.chat.limits.LimitCounters;
import org.sessionchat.chat.limits.Limits;
import org.sessionchat.session.testkit.ClusteredVertxNodes;

/**
 * A room's lines handed from another context to several clients of one socket context: each
 * client gets every line in order, and the members share each line's bytes.
 */
class SocketLoopTest {

  private static final int CLIENTS = 3;
  private static final int LINES = 200;

  private final BroadcastLines shared = new BroadcastLines();
  @AutoClose
  private final ConnectedClients clients = ConnectedClients.open(CLIENTS,
      socket -> new LineConnection(socket, 1024, new ConnectionGuard(Limits.NONE, new LimitCounters()), shared));

  @Test
  void everyClientGetsEveryLineInOrderAndTheLinesAreEncodedOnce() {
    List<ContextBoundTransport> bound = new ArrayList<>();
    clients.onSocketContext(() -> clients.connections().forEach(connection -> bound.add(new ContextBoundTransport(connection))));

    List<String> said = new ArrayList<>();
    for (int i = 0; i < LINES; i++) {
      said.add("ann:line " + i);
    }
    Promise<Void> handed = Promise.promise();
    clients.vertx().getOrCreateContext().runOnContext(v -> { // a room's broadcast: each line to every member in turn
      for (String text : said) {
        bound.forEach(transport -> transport.deliver(new ClientEvent.Message("deck", text)));
      }
      handed.complete();
    });
    ClusteredVertxNodes.await(handed.future(), 10);

    StringBuilder expected = new StringBuilder();
    said.forEach(text -> expected.append("MSG:deck:").append(text).append('\n'));
    clients.awaitEveryClientReceived(expected.toString());
    Promise<Long> encoded = Promise.promise();
    clients.socketContext().runOnContext(v -> encoded.complete(shared.encoded()));
    assertThat(ClusteredVertxNodes.await(encoded.future(), 10)).isEqualTo((long) LINES);
  }
}
