package org.sessionchat.scribble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sessionchat.scribble.fsm.Direction.RECEIVE;
import static org.sessionchat.scribble.fsm.Direction.SEND;

import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sessionchat.scribble.fsm.Monitor;

/**
 * ChatSession at ClientThread and at ChatRoom: both par branches interleave freely, and
 * after {@code leaveRoom} the session is over (the exitless ServerLoop at its head counts
 * as complete, so the par joins and the FSM is terminal).
 */
class ChatSessionMonitorTest {

  private Monitor client;
  private Monitor room;

  @BeforeEach
  void monitors() throws Exception {
    client = ChatProtocols.library().newMonitor("ChatSession", "ClientThread");
    room = ChatProtocols.library().newMonitor("ChatSession", "ChatRoom");
  }

  @Test
  void clientSendsAndReceivesChatInAnyInterleaving() {
    assertThat(client.describeState()).matches("S\\d+\\[par: S\\d+\\|S\\d+]");
    assertThat(client.expected()).containsExactlyInAnyOrder("!outgoingChatMessage(1) to ChatRoom",
        "!leaveRoom(0) to ChatRoom", "?incomingChatMessage(1) from ChatRoom");
    assertThat(client.step(RECEIVE, "ChatRoom", "incomingChatMessage", 1)).isTrue();
    assertThat(client.step(RECEIVE, "ChatRoom", "incomingChatMessage", 1)).isTrue();
    assertThat(client.step(SEND, "ChatRoom", "outgoingChatMessage", 1)).isTrue();
    assertThat(client.step(RECEIVE, "ChatRoom", "incomingChatMessage", 1)).isTrue();
    assertThat(client.step(SEND, "ChatRoom", "outgoingChatMessage", 1)).isTrue();
    assertThat(client.step(SEND, "ChatRoom", "outgoingChatMessage", 1)).isTrue();
    assertThat(client.isAccepting()).isFalse();
    assertThat(client.rolesStillNeeded()).containsExactly("ChatRoom");
  }

  @Test
  void clientRefusesWrongDirectionWrongArityAndWrongPeer() {
    assertThat(client.step(SEND, "ChatRoom", "incomingChatMessage", 1)).isFalse();
    assertThat(client.step(RECEIVE, "ChatRoom", "outgoingChatMessage", 1)).isFalse();
    assertThat(client.step(SEND, "ChatRoom", "outgoingChatMessage", 0)).isFalse();
    assertThat(client.step(SEND, "ChatRoom", "leaveRoom", 1)).isFalse();
    assertThat(client.step(SEND, "RoomRegistry", "leaveRoom", 0)).isFalse();
  }

  @Test
  void sessionIsTerminalForClientAfterLeaveRoom() {
    assertThat(client.step(SEND, "ChatRoom", "outgoingChatMessage", 1)).isTrue();
    assertThat(client.isTerminal()).isFalse();

    assertThat(client.step(SEND, "ChatRoom", "leaveRoom", 0)).isTrue();

    assertThat(client.isAccepting()).isTrue();
    assertThat(client.isTerminal()).isTrue();
    assertThat(client.expected()).isEmpty();
    assertThat(client.rolesStillNeeded()).isEmpty();
    assertThat(client.step(RECEIVE, "ChatRoom", "incomingChatMessage", 1)).isFalse();
    assertThat(client.step(SEND, "ChatRoom", "outgoingChatMessage", 1)).isFalse();
  }

  @Test
  void roomBroadcastsWhileReceivingAndEndsWhenClientLeaves() {
    assertThat(room.step(SEND, "ClientThread", "incomingChatMessage", 1)).isTrue();
    assertThat(room.step(RECEIVE, "ClientThread", "outgoingChatMessage", 1)).isTrue();
    assertThat(room.step(SEND, "ClientThread", "incomingChatMessage", 1)).isTrue();
    assertThat(room.step(SEND, "ClientThread", "incomingChatMessage", 1)).isTrue();
    assertThat(room.isAccepting()).isFalse();
    assertThat(room.rolesStillNeeded()).containsExactly("ClientThread");

    assertThat(room.step(RECEIVE, "ClientThread", "leaveRoom", 0)).isTrue();

    assertThat(room.isTerminal()).isTrue();
    assertThat(room.step(SEND, "ClientThread", "incomingChatMessage", 1)).isFalse();
    assertThat(room.step(RECEIVE, "ClientThread", "outgoingChatMessage", 1)).isFalse();
  }

  @Test
  void everyInterleavingOfChatIsAllowedOnBothSidesUntilLeaveRoom() throws Exception {
    ProtocolLibrary library = ChatProtocols.library();
    for (long seed = 0; seed < 200; seed++) {
      Random random = new Random(seed);
      Monitor c = library.newMonitor("ChatSession", "ClientThread");
      Monitor r = library.newMonitor("ChatSession", "ChatRoom");
      for (int i = random.nextInt(50); i > 0; i--) {
        boolean outgoing = random.nextBoolean();
        String label = outgoing ? "outgoingChatMessage" : "incomingChatMessage";
        assertThat(c.step(outgoing ? SEND : RECEIVE, "ChatRoom", label, 1)).as("seed %d", seed)
            .isTrue();
        assertThat(r.step(outgoing ? RECEIVE : SEND, "ClientThread", label, 1))
            .as("seed %d", seed).isTrue();
      }
      assertThat(c.step(SEND, "ChatRoom", "leaveRoom", 0)).isTrue();
      assertThat(r.step(RECEIVE, "ClientThread", "leaveRoom", 0)).isTrue();
      assertThat(c.isTerminal() && r.isTerminal()).as("seed %d", seed).isTrue();
    }
  }

  @Test
  void roomRefusesToSendWhatOnlyTheClientSends() {
    assertThat(room.step(SEND, "ClientThread", "outgoingChatMessage", 1)).isFalse();
    assertThat(room.step(RECEIVE, "ClientThread", "incomingChatMessage", 1)).isFalse();
    assertThat(room.pendingInitiation()).isEmpty();
    assertThat(room.resume("success")).isFalse();
  }
}
