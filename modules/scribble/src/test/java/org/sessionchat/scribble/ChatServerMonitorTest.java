package org.sessionchat.scribble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sessionchat.scribble.Trace.allowed;
import static org.sessionchat.scribble.Trace.refused;

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
    assertThat(client.expected()).containsExactly("!lookupRoom(1) to RoomRegistry",
        "!createRoom(1) to RoomRegistry", "!listRooms(0) to RoomRegistry");
    assertThat(client.isAccepting()).isTrue();
    assertThat(client.isTerminal()).isFalse();
    assertThat(client.rolesStillNeeded()).containsExactly("RoomRegistry");
  }

  @Test
  void clientCreatesListsAndMissesRoomsInAnyOrder() {
    allowed(client, "!createRoom(1) to RoomRegistry");
    assertThat(client.isAccepting()).isFalse();
    allowed(client, "?roomExists(1) from RoomRegistry",
        "!createRoom(1) to RoomRegistry", "?createRoomSuccess(1) from RoomRegistry",
        "!listRooms(0) to RoomRegistry", "?roomList(1) from RoomRegistry",
        "!lookupRoom(1) to RoomRegistry", "?roomNotFound(1) from RoomRegistry");
    assertThat(client.isAccepting()).isTrue();
  }

  @Test
  void clientRefusesMessagesTheProtocolDoesNotAllowAndStaysPut() {
    refused(client, "?roomPID(2) from RoomRegistry", "!lookupRoom(2) to RoomRegistry",
        "!lookupRoom(1) to ChatRoom", "?lookupRoom(1) from RoomRegistry");
    allowed(client, "!listRooms(0) to RoomRegistry");
    refused(client, "!listRooms(0) to RoomRegistry");
    assertThat(client.expected()).containsExactly("?roomList(1) from RoomRegistry");
  }

  @Test
  void clientWaitsInInitiatesStateUntilSubSessionSucceeds() {
    allowed(client, "!lookupRoom(1) to RoomRegistry", "?roomPID(2) from RoomRegistry");
    assertThat(client.pendingInitiation()).contains(new Initiation("ChatSession",
        "ClientThread", List.of("ClientThread"), List.of("ChatRoom"),
        Set.of("ParticipantOffline")));
    refused(client, "!lookupRoom(1) to RoomRegistry", "!listRooms(0) to RoomRegistry");
    assertThat(client.isAccepting()).isFalse();
    assertThat(client.resume("NoSuchFailure")).isFalse();
    assertThat(client.pendingInitiation()).isPresent();

    assertThat(client.resume(Initiation.SUCCESS)).isTrue();

    assertThat(client.pendingInitiation()).isEmpty();
    assertThat(client.resume(Initiation.SUCCESS)).isFalse();
    allowed(client, "!listRooms(0) to RoomRegistry");
  }

  @Test
  void clientReturnsToLoopHeadWhenRoomGoesOffline() {
    String head = client.describeState();
    allowed(client, "!lookupRoom(1) to RoomRegistry", "?roomPID(2) from RoomRegistry");
    assertThat(client.describeState()).isNotEqualTo(head);

    assertThat(client.resume("ParticipantOffline")).isTrue();

    assertThat(client.describeState()).isEqualTo(head);
    allowed(client, "!lookupRoom(1) to RoomRegistry");
  }

  @Test
  void registryAnswersEachRequestAndHasNoInitiatesState() {
    assertThat(registry.expected()).containsExactly("?lookupRoom(1) from ClientThread",
        "?createRoom(1) from ClientThread", "?listRooms(0) from ClientThread");
    allowed(registry, "?lookupRoom(1) from ClientThread");
    refused(registry, "!createRoomSuccess(1) to ClientThread");
    allowed(registry, "!roomPID(2) to ClientThread");
    assertThat(registry.pendingInitiation()).isEmpty();
    allowed(registry, "?createRoom(1) from ClientThread", "!roomExists(1) to ClientThread",
        "?listRooms(0) from ClientThread", "!roomList(1) to ClientThread");
    assertThat(registry.isAccepting()).isTrue();
  }

  @Test
  void registryRefusesToAnswerBeforeItIsAsked() {
    refused(registry, "!roomPID(2) to ClientThread", "!lookupRoom(1) to ClientThread");
    assertThat(registry.rolesStillNeeded()).containsExactly("ClientThread");
  }

  @Test
  void monitorsOfOneRoleDoNotShareState() throws Exception {
    Monitor other = ChatProtocols.library().newMonitor("ChatServer", "ClientThread");
    allowed(client, "!listRooms(0) to RoomRegistry");
    allowed(other, "!listRooms(0) to RoomRegistry", "?roomList(1) from RoomRegistry");
    assertThat(client.describeState()).isNotEqualTo(other.describeState());
  }
}
