package org.sessionchat.scribble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sessionchat.scribble.fsm.Direction.RECEIVE;
import static org.sessionchat.scribble.fsm.Direction.SEND;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sessionchat.scribble.fsm.Monitor;

/** The typed {@code step}: a value of the wrong type is refused on both sides. */
class PayloadTypeMonitorTest {

  private static final String JAVA = """
      module typed.Java;
      type <java> "java.lang.String" from "rt.jar" as String;
      type <java> "java.lang.Long" from "rt.jar" as Long;
      type <java> "java.lang.Boolean" from "rt.jar" as Boolean;
      type <java> "java.util.List" from "rt.jar" as List;
      type <java> "java.time.Instant" from "rt.jar" as Instant;
      type <java> "com.example.NotThere" from "x.jar" as Opaque;
      type <xsd> "{urn:x}Item" from "x.xsd" as Item;
      global protocol P(role A, role B) {
        put(String, Long, Boolean, List) from A to B;
        when(Instant, Opaque, Item) from B to A;
      }
      """;

  private static final List<Object> GOOD = List.of("k", 7L, true, List.of("x"));

  @Test
  void javaTypesAreCheckedAtTheSenderAndTheReceiver() throws Exception {
    ProtocolLibrary library = ProtocolLibrary.parse("typed.scr", JAVA);
    for (String wrong : List.of("string", "long", "boolean", "list")) {
      List<Object> values = new java.util.ArrayList<>(GOOD);
      int at = List.of("string", "long", "boolean", "list").indexOf(wrong);
      values.set(at, at == 0 ? 1 : "no");
      Monitor a = library.newMonitor("P", "A");
      Monitor b = library.newMonitor("P", "B");

      assertThat(a.step(SEND, "B", "put", values)).as("A sends a wrong " + wrong).isFalse();
      assertThat(b.step(RECEIVE, "A", "put", values)).as("B gets a wrong " + wrong).isFalse();
      assertThat(a.describeState()).isEqualTo("S0");
      assertThat(a.step(SEND, "B", "put", GOOD)).isTrue();
      assertThat(b.step(RECEIVE, "A", "put", GOOD)).isTrue();
    }
  }

  @Test
  void integralTypesTakeAnyIntegralNumberAndNullIsNeverATypedValue() throws Exception {
    ProtocolLibrary library = ProtocolLibrary.parse("typed.scr", JAVA);

    assertThat(library.newMonitor("P", "A").step(SEND, "B", "put",
        List.of("k", 7, false, List.of()))).isTrue();
    assertThat(library.newMonitor("P", "A").step(SEND, "B", "put",
        List.of("k", 7.5, false, List.of()))).isFalse();
    assertThat(library.newMonitor("P", "A").step(SEND, "B", "put",
        Arrays.asList(null, 7L, false, List.of()))).isFalse();
  }

  @Test
  void classesOnTheClassPathAreInstanceChecksOthersAndOtherSchemasAreNotChecked()
      throws Exception {
    ProtocolLibrary library = ProtocolLibrary.parse("typed.scr", JAVA);
    Monitor b = library.newMonitor("P", "B");
    assertThat(b.step(RECEIVE, "A", "put", GOOD)).isTrue();

    assertThat(b.step(SEND, "A", "when", List.of("not an instant", 1, 2))).isFalse();
    assertThat(b.step(SEND, "A", "when", List.of(java.time.Instant.EPOCH, 1, "any"))).isTrue();
  }

  @Test
  void theSeedsErlangTypesMapToStringsAndLists() throws Exception {
    Monitor client = ChatProtocols.library().newMonitor("ChatServer", "ClientThread");

    assertThat(client.step(SEND, "RoomRegistry", "lookupRoom", List.of(42))).isFalse();
    assertThat(client.step(SEND, "RoomRegistry", "lookupRoom", List.of("deck"))).isTrue();
    assertThat(client.step(RECEIVE, "RoomRegistry", "roomNotFound", List.of("deck"))).isTrue();
    assertThat(client.step(SEND, "RoomRegistry", "listRooms", List.of())).isTrue();
    assertThat(client.step(RECEIVE, "RoomRegistry", "roomList", List.of("a,b"))).isFalse();
    assertThat(client.step(RECEIVE, "RoomRegistry", "roomList", List.of(List.of("a"))))
        .isTrue();
  }

  @Test
  void aLoopInAParRefusesALineThatIsNotAStringAndGoesOnAfterIt() throws Exception {
    Monitor client = ChatProtocols.library().newMonitor("ChatSession", "ClientThread");
    String before = client.describeState();

    assertThat(client.step(RECEIVE, "ChatRoom", "incomingChatMessage", List.of(7L))).isFalse();
    assertThat(client.step(RECEIVE, "ChatRoom", "incomingChatMessage", Arrays.asList((Object) null))).isFalse();
    assertThat(client.step(SEND, "ChatRoom", "outgoingChatMessage", List.of(List.of("x")))).isFalse();
    for (int line = 0; line < 3; line++) {
      assertThat(client.step(RECEIVE, "ChatRoom", "incomingChatMessage", List.of("line " + line))).isTrue();
      assertThat(client.step(SEND, "ChatRoom", "outgoingChatMessage", List.of("mine " + line))).isTrue();
    }
    assertThat(client.describeState()).isEqualTo(before);
    assertThat(client.isTerminal()).isFalse();
    assertThat(client.step(SEND, "ChatRoom", "leaveRoom", List.of())).isTrue();
    assertThat(client.isTerminal()).isTrue();
  }

  @Test
  void theArityStepStillIgnoresTypes() throws Exception {
    Monitor client = ChatProtocols.library().newMonitor("ChatServer", "ClientThread");

    assertThat(client.step(SEND, "RoomRegistry", "lookupRoom", 1)).isTrue();
  }
}
