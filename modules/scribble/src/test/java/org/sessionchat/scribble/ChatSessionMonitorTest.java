package org.sessionchat.scribble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sessionchat.scribble.Trace.allowed;
import static org.sessionchat.scribble.Trace.refused;
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
    allowed(client, "?incomingChatMessage(1) from ChatRoom",
        "?incomingChatMessage(1) from ChatRoom", "!outgoingChatMessage(1) to ChatRoom",
        "?incomingChatMessage(1) from ChatRoom", "!outgoingChatMessage(1) to ChatRoom",
        "!outgoingChatMessage(1) to ChatRoom");
    assertThat(client.isAccepting()).isFalse();
    assertThat(client.rolesStillNeeded()).containsExactly("ChatRoom");
  }

  @Test
  void clientRefusesWrongDirectionWrongArityAndWrongPeer() {
    refused(client, "!incomingChatMessage(1) to ChatRoom",
        "?outgoingChatMessage(1) from ChatRoom", "!outgoingChatMessage(0) to ChatRoom",
        "!leaveRoom(1) to ChatRoom", "!leaveRoom(0) to RoomRegistry");
  }

  @Test
  void sessionIsTerminalForClientAfterLeaveRoom() {
    allowed(client, "!outgoingChatMessage(1) to ChatRoom");
    assertThat(client.isTerminal()).isFalse();

    allowed(client, "!leaveRoom(0) to ChatRoom");

    assertThat(client.isAccepting()).isTrue();
    assertThat(client.isTerminal()).isTrue();
    assertThat(client.expected()).isEmpty();
    assertThat(client.rolesStillNeeded()).isEmpty();
    refused(client, "?incomingChatMessage(1) from ChatRoom",
        "!outgoingChatMessage(1) to ChatRoom");
  }

  @Test
  void roomBroadcastsWhileReceivingAndEndsWhenClientLeaves() {
    allowed(room, "!incomingChatMessage(1) to ClientThread",
        "?outgoingChatMessage(1) from ClientThread", "!incomingChatMessage(1) to ClientThread",
        "!incomingChatMessage(1) to ClientThread");
    assertThat(room.isAccepting()).isFalse();
    assertThat(room.rolesStillNeeded()).containsExactly("ClientThread");

    allowed(room, "?leaveRoom(0) from ClientThread");

    assertThat(room.isTerminal()).isTrue();
    refused(room, "!incomingChatMessage(1) to ClientThread",
        "?outgoingChatMessage(1) from ClientThread");
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
    refused(room, "!outgoingChatMessage(1) to ClientThread",
        "?incomingChatMessage(1) from ClientThread");
    assertThat(room.pendingInitiation()).isEmpty();
    assertThat(room.resume("success")).isFalse();
  }
}
