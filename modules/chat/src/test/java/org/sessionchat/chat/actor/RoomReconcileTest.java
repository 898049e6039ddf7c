package org.sessionchat.chat.actor;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.shareddata.AsyncMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sessionchat.chat.testing.LineClient;
import org.sessionchat.chat.testing.LocalChatNode;

/**
 * {@link RoomManager#reconcile()} on the registry damage a fault leaves behind: a hosted room's
 * entry lost, a ghost entry for a room that is gone, a twin that took the name.
 */
class RoomReconcileTest {

  @AutoClose
  private LocalChatNode node;
  private AsyncMap<String, String> rooms;

  @BeforeEach
  void start() throws Exception {
    node = LocalChatNode.start();
    rooms = node.vertx().sharedData().<String, String>getAsyncMap(RoomRegistry.MAP_NAME).await(5, TimeUnit.SECONDS);
  }

  @Test
  void aHostedRoomWhoseEntryWasLostIsListedAndJoinableAgain() throws Exception {
    try (LineClient ann = node.connect("ann"); LineClient bob = node.connect("bob")) {
      ann.call("CREATE:deck", "OK:CREATE:deck").call("JOIN:deck", "OK:JOIN:deck");
      rooms.remove("deck").await(5, TimeUnit.SECONDS);
      bob.call("LIST", "ROOMS");

      reconcile();

      bob.call("LIST", "ROOMS:deck").call("JOIN:deck", "OK:JOIN:deck").send("CHAT:back");
      ann.expect("MSG:deck:bob:back");
    }
  }

  @Test
  void aGhostEntryForThisNodeIsRemoved() throws Exception {
    rooms.put("ghost", node.node().runtime().nodeId() + "/room-gone").await(5, TimeUnit.SECONDS);
    try (LineClient ann = node.connect("ann")) {
      ann.call("LIST", "ROOMS:ghost");

      reconcile();

      ann.call("LIST", "ROOMS").call("JOIN:ghost", "ERROR:ROOM_NOT_FOUND:ghost");
    }
  }

  @Test
  void aRoomWhoseNameAnotherLiveRoomTookIsClosedAndItsMembersAreTold() throws Exception {
    try (LineClient ann = node.connect("ann")) {
      ann.call("CREATE:twin", "OK:CREATE:twin").call("JOIN:twin", "OK:JOIN:twin");
      rooms.put("twin", node.node().runtime().nodeId() + "/room-other").await(5, TimeUnit.SECONDS);

      reconcile();

      ann.expect("OFFLINE:twin");
      assertThat(node.node().roomManager().hostedRoom("twin")).isEmpty();
    }
  }

  @Test
  void aHostedRoomWhoseEntryWasLostIsWrittenBackWithItsSpelling() throws Exception {
    try (LineClient ann = node.connect("ann"); LineClient bob = node.connect("bob")) {
      ann.call("CREATE:Deck", "OK:CREATE:Deck").call("JOIN:deck", "OK:JOIN:Deck");
      rooms.remove("deck").await(5, TimeUnit.SECONDS);
      bob.call("JOIN:deck", "ERROR:ROOM_NOT_FOUND:deck");

      reconcile();

      bob.call("LIST", "ROOMS:Deck").call("JOIN:DECK", "OK:JOIN:Deck").send("CHAT:back");
      ann.expect("MSG:Deck:bob:back");
    }
  }

  @Test
  void aRoomWhoseNameAnotherLiveRoomTookInAnotherCaseIsATwinAndIsClosed() throws Exception {
    try (LineClient ann = node.connect("ann")) {
      ann.call("CREATE:Twin", "OK:CREATE:Twin").call("JOIN:Twin", "OK:JOIN:Twin");
      rooms.put("twin", node.node().runtime().nodeId() + "/room-other TWIN").await(5, TimeUnit.SECONDS);

      reconcile();

      ann.expect("OFFLINE:Twin");
      assertThat(node.node().roomManager().hostedRoom("twin")).isEmpty();
    }
  }

  private void reconcile() throws Exception {
    node.node().roomManager().reconcile().await(10, TimeUnit.SECONDS);
  }
}
