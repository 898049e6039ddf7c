package org.sessionchat.chat;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sessionchat.chat.actor.RoomRegistry;
import org.sessionchat.chat.testing.ClusteredChat;
import org.sessionchat.chat.testing.LineClient;
import org.sessionchat.session.testkit.ClusteredVertxNodes;

/** A node of an in-process cluster dies abruptly; the survivors carry on (see wire-protocol.md, Failures). */
class NodeDeathTest {

  private ClusteredChat chat;

  @BeforeEach
  void startCluster() {
    chat = ClusteredChat.start(2);
  }

  @AfterEach
  void stopCluster() {
    chat.close();
  }

  @Test
  void roomsOfADeadNodeGoOfflineAndRoomsElsewhereDropItsMembers() {
    try (LineClient doomed = chat.connect(0, "doomed"); LineClient ann = chat.connect(1, "ann");
        LineClient bob = chat.connect(1, "bob"); LineClient cat = chat.connect(1, "cat")) {
      doomed.call("CREATE:on-dead", "OK:CREATE:on-dead");
      ann.call("CREATE:on-live", "OK:CREATE:on-live");
      ann.call("JOIN:on-dead", "OK:JOIN:on-dead");
      bob.call("JOIN:on-live", "OK:JOIN:on-live");
      cat.call("JOIN:on-live", "OK:JOIN:on-live");
      doomed.call("JOIN:on-live", "OK:JOIN:on-live");
      await().atMost(Duration.ofSeconds(10))
          .until(() -> chat.node(1).roomManager().hostedRoom("on-live").orElseThrow().memberCount() == 3);

      // as if node0 held the only copy of that entry (a partition without a backup yet)
      ClusteredVertxNodes.await(chat.vertx(1).sharedData().getAsyncMap(RoomRegistry.MAP_NAME)
          .compose(rooms -> rooms.remove("on-live")), 10);

      chat.kill(0);

      ann.expect("OFFLINE:on-dead");
      await().atMost(Duration.ofSeconds(15))
          .until(() -> chat.node(1).roomManager().hostedRoom("on-live").orElseThrow().memberCount() == 2);
      bob.send("CHAT:still here");
      cat.expect("MSG:on-live:bob:still here");
      // node1 puts the entry of the room it hosts back
      await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> ann.call("LIST", "ROOMS:on-live"));
      ann.call("CREATE:on-dead", "OK:CREATE:on-dead");
    }
  }

  @Test
  void aNodeThatStopsInOrderTellsRemoteMembersItsRoomsAreOffline() {
    try (LineClient host = chat.connect(0, "host"); LineClient ann = chat.connect(1, "ann")) {
      host.call("CREATE:closing", "OK:CREATE:closing").call("JOIN:closing", "OK:JOIN:closing");
      ann.call("JOIN:closing", "OK:JOIN:closing");

      ClusteredVertxNodes.await(chat.node(0).close(), 10);

      host.expect("BYE").expectClosed();
      ann.expect("OFFLINE:closing");
      ann.call("CREATE:closing", "OK:CREATE:closing");
    }
  }
}
