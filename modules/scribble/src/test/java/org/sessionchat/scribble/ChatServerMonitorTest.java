package org.sessionchat.scribble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sessionchat.scribble.fsm.Direction.RECEIVE;
import static org.sessionchat.scribble.fsm.Direction.SEND;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sessionchat.scribble.fsm.Initiation;
import org.sessionchat.scribble.fsm.Monitor;

/** Legal and illegal traces of ChatServer at ClientThread and at RoomRegistry. */
class ChatServerMonitorTest {

  private Monitor client;
  private Monitor registry;

  @BeforeEach
  void monitors() throws Exception {
    client = ChatProtocols.library().newMonitor("ChatServer", "ClientThread");
    registry = ChatProtocols.library().newMonitor("ChatServer", "RoomRegistry");
  }

  @Test
  void clientLoopHeadOffersTheThreeRequestsAndMayEndThere() {
    assertThat(client.protocol()).isEqualTo("ChatServer");
    assertThat(client.role()).isEqualTo("ClientThread");
    assertThat(client.expected()).containsExactlyInAnyOrder("!lookupRoom(1) to RoomRegistry",
        "!createRoom(1) to RoomRegistry", "!listRooms(0) to RoomRegistry");
    assertThat(client.isAccepting()).isTrue();
    assertThat(client.isTerminal()).isFalse();
    assertThat(client.rolesStillNeeded()).containsExactly("RoomRegistry");
  }

  @Test
  void clientCreatesListsAndMissesRoomsInAnyOrder() {
    assertThat(client.step(SEND, "RoomRegistry", "createRoom", 1)).isTrue();
    assertThat(client.isAccepting()).isFalse();
    assertThat(client.step(RECEIVE, "RoomRegistry", "roomExists", 1)).isTrue();
    assertThat(client.step(SEND, "RoomRegistry", "createRoom", 1)).isTrue();
    assertThat(client.step(RECEIVE, "RoomRegistry", "createRoomSuccess", 1)).isTrue();
    assertThat(client.step(SEND, "RoomRegistry", "listRooms", 0)).isTrue();
    assertThat(client.step(RECEIVE, "RoomRegistry", "roomList", 1)).isTrue();
    assertThat(client.step(SEND, "RoomRegistry", "lookupRoom", 1)).isTrue();
    assertThat(client.step(RECEIVE, "RoomRegistry", "roomNotFound", 1)).isTrue();
    assertThat(client.isAccepting()).isTrue();
  }

  @Test
  void clientRefusesMessagesTheProtocolDoesNotAllowAndStaysPut() {
    String before = client.describeState();
    assertThat(client.step(RECEIVE, "RoomRegistry", "roomPID", 2)).isFalse();
    assertThat(client.step(SEND, "RoomRegistry", "lookupRoom", 2)).isFalse();
    assertThat(client.step(SEND, "ChatRoom", "lookupRoom", 1)).isFalse();
    assertThat(client.step(RECEIVE, "RoomRegistry", "lookupRoom", 1)).isFalse();
    assertThat(client.describeState()).isEqualTo(before);
    assertThat(client.step(SEND, "RoomRegistry", "listRooms", 0)).isTrue();
    assertThat(client.step(SEND, "RoomRegistry", "listRooms", 0)).isFalse();
    assertThat(client.expected()).containsExactly("?roomList(1) from RoomRegistry");
  }

  @Test
  void clientWaitsInInitiatesStateUntilSubSessionSucceeds() {
    joinRoom();
    assertThat(client.pendingInitiation()).contains(new Initiation("ChatSession",
        "ClientThread", List.of("ClientThread"), List.of("ChatRoom"),
        Set.of("ParticipantOffline")));
    assertThat(client.step(SEND, "RoomRegistry", "lookupRoom", 1)).isFalse();
    assertThat(client.step(SEND, "RoomRegistry", "listRooms", 0)).isFalse();
    assertThat(client.isAccepting()).isFalse();
    assertThat(client.resume("NoSuchFailure")).isFalse();
    assertThat(client.pendingInitiation()).isPresent();

    assertThat(client.resume(Initiation.SUCCESS)).isTrue();

    assertThat(client.pendingInitiation()).isEmpty();
    assertThat(client.resume(Initiation.SUCCESS)).isFalse();
    assertThat(client.step(SEND, "RoomRegistry", "listRooms", 0)).isTrue();
  }

  @Test
  void clientReturnsToLoopHeadWhenRoomGoesOffline() {
    String head = client.describeState();
    joinRoom();
    assertThat(client.describeState()).isNotEqualTo(head);

    assertThat(client.resume("ParticipantOffline")).isTrue();

    assertThat(client.describeState()).isEqualTo(head);
    assertThat(client.step(SEND, "RoomRegistry", "lookupRoom", 1)).isTrue();
  }

  @Test
  void registryAnswersEachRequestAndHasNoInitiatesState() {
    assertThat(registry.expected()).containsExactlyInAnyOrder(
        "?lookupRoom(1) from ClientThread", "?createRoom(1) from ClientThread",
        "?listRooms(0) from ClientThread");
    assertThat(registry.step(RECEIVE, "ClientThread", "lookupRoom", 1)).isTrue();
    assertThat(registry.step(SEND, "ClientThread", "createRoomSuccess", 1)).isFalse();
    assertThat(registry.step(SEND, "ClientThread", "roomPID", 2)).isTrue();
    assertThat(registry.pendingInitiation()).isEmpty();
    assertThat(registry.step(RECEIVE, "ClientThread", "createRoom", 1)).isTrue();
    assertThat(registry.step(SEND, "ClientThread", "roomExists", 1)).isTrue();
    assertThat(registry.step(RECEIVE, "ClientThread", "listRooms", 0)).isTrue();
    assertThat(registry.step(SEND, "ClientThread", "roomList", 1)).isTrue();
    assertThat(registry.isAccepting()).isTrue();
  }

  @Test
  void registryRefusesToAnswerBeforeItIsAsked() {
    assertThat(registry.step(SEND, "ClientThread", "roomPID", 2)).isFalse();
    assertThat(registry.step(SEND, "ClientThread", "lookupRoom", 1)).isFalse();
    assertThat(registry.rolesStillNeeded()).containsExactly("ClientThread");
  }

  @Test
  void monitorsOfOneRoleDoNotShareState() throws Exception {
    Monitor other = ChatProtocols.library().newMonitor("ChatServer", "ClientThread");
    assertThat(client.step(SEND, "RoomRegistry", "listRooms", 0)).isTrue();
    assertThat(other.step(SEND, "RoomRegistry", "listRooms", 0)).isTrue();
    assertThat(other.step(RECEIVE, "RoomRegistry", "roomList", 1)).isTrue();
    assertThat(client.describeState()).isNotEqualTo(other.describeState());
  }

  private void joinRoom() {
    assertThat(client.step(SEND, "RoomRegistry", "lookupRoom", 1)).isTrue();
    assertThat(client.step(RECEIVE, "RoomRegistry", "roomPID", 2)).isTrue();
  }
}
