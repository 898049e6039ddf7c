package org.sessionchat.chat.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.sessionchat.chat.actor.ClientEvent;
import org.sessionchat.chat.limits.ConnectionGuard;
import org.sessionchat.chat.limits.LimitCounters;
import org.sessionchat.chat.limits.Limits;

/**
 * Connections of one event loop that write the same single line in a turn write views of one
 * buffer, which is freed once written; a second line in the turn is gathered with the first.
 */
class SharedLineBufferTest {

  private static final int CLIENTS = 2;

  private final BroadcastLines shared = new BroadcastLines();
  @AutoClose
  private final ConnectedClients clients = ConnectedClients.open(CLIENTS,
      socket -> new LineConnection(socket, 1024, new ConnectionGuard(Limits.NONE, new LimitCounters()), shared));
  private final List<LineConnection> connections = clients.connections();

  @Test
  void membersHandedOneLineInATurnWriteViewsOfOneBufferThatIsFreedOnceWritten() {
    int[] countsAfterTheTurn = new int[CLIENTS];
    clients.onSocketContext(() -> {
      connections.forEach(c -> c.deliver(new ClientEvent.Message("deck", "ann:hello")));
      clients.socketContext().runOnContext(v -> { // after the turn's writes (a few bytes: written at once)
        for (int i = 0; i < CLIENTS; i++) {
          countsAfterTheTurn[i] = clients.writtenBytes().get(i).refCnt();
        }
      });
    });

    clients.awaitEveryClientReceived("MSG:deck:ann:hello\n");
    List<ByteBuf> written = clients.writtenBytes();
    assertThat(written).hasSize(CLIENTS);
    ByteBuf parent = written.get(0).unwrap();
    assertThat(parent).as("a view of the shared line").isNotNull();
    assertThat(written.get(1).unwrap()).isSameAs(parent);
    assertThat(parent.writerIndex()).isEqualTo("MSG:deck:ann:hello\n".length());
    assertThat(countsAfterTheTurn).as("freed once written and the turn is over").containsOnly(0);
  }

  @Test
  void aSecondLineInTheTurnIsGatheredWithTheSharedFirstInOneWrite() {
    clients.onSocketContext(() -> {
      connections.forEach(c -> c.deliver(new ClientEvent.Message("deck", "ann:one")));
      connections.get(0).deliver(new ClientEvent.Message("deck", "bob:two"));
    });

    clients.awaitReceived(0, "MSG:deck:ann:one\nMSG:deck:bob:two\n");
    clients.awaitReceived(1, "MSG:deck:ann:one\n");
    List<ByteBuf> written = clients.writtenBytes();
    assertThat(written).hasSize(CLIENTS);
    List<ByteBuf> views = written.stream().filter(bytes -> bytes.unwrap() != null
        && bytes.unwrap().writerIndex() == "MSG:deck:ann:one\n".length()).toList();
    assertThat(views).hasSize(1);
  }
}
