package org.sessionchat.chat.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Context;
import io.vertx.core.Promise;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.sessionchat.chat.actor.ClientEvent;
import org.sessionchat.chat.actor.ClientTransport;
import org.sessionchat.session.testkit.ClusteredVertxNodes;

/** The lines of one turn of the socket's event loop reach the client in order, as one socket write. */
class GatheredLinesTest {

  @AutoClose
  private final ConnectedClients client = ConnectedClients.open(1, socket -> new LineConnection(socket, 1024));
  private final LineConnection connection = client.connection(0);

  @Test
  void linesOfATurnAreOneWriteOfADirectBufferAndKeepTheirOrder() {
    client.onSocketContext(() -> {
      connection.deliver(new ClientEvent.Message("deck", "ann:one"));
      connection.deliver(new ClientEvent.Joined("hall"));
      connection.deliver(new ClientEvent.Message("deck", "bob:two"));
    });

    client.awaitReceived(0, "MSG:deck:ann:one\nOK:JOIN:hall\nMSG:deck:bob:two\n");
    assertThat(client.written().size()).isEqualTo(1);
    assertThat(client.directWrites()).isEqualTo(1);
  }

  @Test
  void eachTurnWritesItsOwnLines() {
    client.onSocketContext(() -> connection.deliver(new ClientEvent.Message("deck", "ann:one")));
    client.awaitReceived(0, "MSG:deck:ann:one\n");
    client.onSocketContext(() -> connection.deliver(new ClientEvent.Message("deck", "bob:two")));

    client.awaitReceived(0, "MSG:deck:ann:one\nMSG:deck:bob:two\n");
    assertThat(client.written().size()).isEqualTo(2);
  }

  @Test
  void linesHandedByTasksQueuedDuringTheTurnJoinItsWrite() {
    client.onSocketContext(() -> {
      connection.deliver(new ClientEvent.Message("deck", "ann:one"));
      client.socketContext().runOnContext(v -> connection.deliver(new ClientEvent.Message("deck", "bob:two"))); // queued behind the first line
    });

    client.awaitReceived(0, "MSG:deck:ann:one\nMSG:deck:bob:two\n");
    assertThat(client.written().size()).isEqualTo(1);
  }

  @Test
  void aTurnOfMoreThanTheCapIsWrittenInPiecesInOrder() {
    StringBuilder expected = new StringBuilder();
    client.onSocketContext(() -> {
      for (int i = 0; i < 3000; i++) {
        String text = "ann:line " + i + " " + "x".repeat(80);
        connection.deliver(new ClientEvent.Message("deck", text));
        expected.append("MSG:deck:").append(text).append('\n');
      }
    });

    client.awaitReceived(0, expected.toString());
    int bytes = expected.length();
    assertThat(client.written().size()).isBetween(bytes / GatheredLines.MAX_GATHERED, bytes / GatheredLines.MAX_GATHERED + 1);
  }

  @Test
  void closingWritesWhatWasGatheredFirst() {
    client.onSocketContext(() -> {
      connection.deliver(new ClientEvent.Message("deck", "ann:last words"));
      connection.close(ClientTransport.CloseReason.CLIENT_QUIT);
    });

    client.awaitReceived(0, "MSG:deck:ann:last words\nBYE\n");
  }

  @Test
  void linesGatheredFromAnotherContextOnTheSameTurnAreOneWrite() {
    Context actor = client.vertx().getOrCreateContext();
    ContextBoundTransport[] bound = new ContextBoundTransport[1];
    client.onSocketContext(() -> bound[0] = new ContextBoundTransport(connection));
    Promise<Void> done = Promise.promise();
    actor.runOnContext(v -> {
      for (int i = 0; i < 50; i++) {
        bound[0].deliver(new ClientEvent.Message("deck", "ann:" + i));
      }
      done.complete();
    });
    ClusteredVertxNodes.await(done.future(), 10);

    StringBuilder expected = new StringBuilder();
    for (int i = 0; i < 50; i++) {
      expected.append("MSG:deck:ann:").append(i).append('\n');
    }
    client.awaitReceived(0, expected.toString());
    assertThat(client.written().size()).isBetween(1, 2); // one drain of the socket's loop, unless it ran before all were queued
  }
}
