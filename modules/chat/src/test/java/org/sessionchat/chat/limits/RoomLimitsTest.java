package org.sessionchat.chat.limits;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sessionchat.chat.testing.LineClient;
import org.sessionchat.chat.testing.LimitsBuilder;
import org.sessionchat.chat.testing.LocalChatNode;

/** Rooms per node and members per room: refused with their own error, the client stays in the lobby. */
class RoomLimitsTest {

  @AutoClose
  private LocalChatNode node;

  @BeforeEach
  void startNode() {
    node = LocalChatNode.start(LimitsBuilder.limits().rooms(2, 2).build());
  }

  @Test
  void refusesARoomOverTheNodesLimit() {
    try (LineClient client = LineClient.connect(node.port(), "ann")) {
      client.call("CREATE:one", "OK:CREATE:one").call("CREATE:two", "OK:CREATE:two");
      client.call("CREATE:three", "ERROR:TOO_MANY_ROOMS:three");
      client.call("LIST", "ROOMS:one:two");
    }
    assertThat(node.node().limitCounters().roomsRefused()).isOne();
  }

  @Test
  void refusesAMemberOverTheRoomsLimitAndKeepsItInTheLobby() {
    try (LineClient ann = LineClient.connect(node.port(), "ann");
        LineClient bob = LineClient.connect(node.port(), "bob");
        LineClient cat = LineClient.connect(node.port(), "cat")) {
      ann.call("CREATE:small", "OK:CREATE:small").call("JOIN:small", "OK:JOIN:small");
      bob.call("JOIN:small", "OK:JOIN:small");
      cat.call("JOIN:small", "ERROR:ROOM_FULL:small");
      cat.call("LIST", "ROOMS:small");
      bob.call("LEAVE", "OK:LEAVE:small");
      cat.call("JOIN:small", "OK:JOIN:small").send("CHAT:in at last");
      ann.expect("MSG:small:cat:in at last");
    }
    assertThat(node.node().limitCounters().joinsRefused()).isOne();
  }
}
