package org.sessionchat.scribble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sessionchat.scribble.fsm.Direction.SEND;

import org.junit.jupiter.api.Test;
import org.sessionchat.scribble.fsm.Monitor;

/** The library's contract: names, roles, lookups, errors, and that the file decides. */
class ProtocolLibraryTest {

  @Test
  void listsProtocolsAndRolesInDeclaredOrder() throws Exception {
    ProtocolLibrary library = ChatProtocols.library();
    assertThat(library.protocolNames()).containsExactlyInAnyOrder("ChatServer", "ChatSession");
    assertThat(library.roles("ChatServer")).containsExactly("ClientThread", "RoomRegistry");
    assertThat(library.roles("ChatSession")).containsExactly("ClientThread", "ChatRoom");
  }

  @Test
  void unknownProtocolOrRoleIsRefusedWithItsName() throws Exception {
    ProtocolLibrary library = ChatProtocols.library();
    assertThatThrownBy(() -> library.newMonitor("Nope", "ClientThread"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("unknown protocol Nope");
    assertThatThrownBy(() -> library.newMonitor("ChatServer", "ChatRoom"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("role ChatRoom not in protocol ChatServer");
    assertThatThrownBy(() -> library.roles("Nope"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void syntaxErrorIsReportedAtTheOffendingToken() {
    String text = "module m;\n"
        + "global protocol P(role A, role B) {\n"
        + "  hello() from A B;\n"
        + "}\n";
    assertThatThrownBy(() -> ProtocolLibrary.parse("bad.scr", text))
        .isInstanceOf(ScribbleException.class)
        .hasMessage("bad.scr:3:18: expected 'to' but found 'B'")
        .satisfies(e -> assertThat(((ScribbleException) e).diagnostics())
            .containsExactly(new Diagnostic("bad.scr", 3, 18, "expected 'to' but found 'B'")))
        .satisfies(e -> assertThat(e.getStackTrace()).isEmpty());
  }

  @Test
  void changingTheProtocolTextChangesWhatTheMonitorAllows() throws Exception {
    String changed = ChatProtocols.text()
        .replace("leaveRoom() from ClientThread", "leaveRoom(RoomName) from ClientThread");
    ProtocolLibrary library = ProtocolLibrary.parse("changed.scr", changed);

    Monitor original = ChatProtocols.library().newMonitor("ChatSession", "ClientThread");
    Monitor modified = library.newMonitor("ChatSession", "ClientThread");

    assertThat(original.step(SEND, "ChatRoom", "leaveRoom", 0)).isTrue();
    assertThat(modified.step(SEND, "ChatRoom", "leaveRoom", 0)).isFalse();
    assertThat(modified.step(SEND, "ChatRoom", "leaveRoom", 1)).isTrue();
  }
}
