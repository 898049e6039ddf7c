package org.sessionchat.scribble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sessionchat.scribble.fsm.Direction.RECEIVE;
import static org.sessionchat.scribble.fsm.Direction.SEND;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sessionchat.scribble.fsm.Monitor;

/** The library's contract: names, roles, lookups, errors, and that the file decides. */
class ProtocolLibraryTest {

  private static final Path IMPORTS = Path.of("src/test/resources/imports");

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

  @Test
  void importedModulesAreLoadedTogetherAndNamedQualifiedOrByAlias() throws Exception {
    ProtocolLibrary library = ProtocolLibrary.load(List.of(IMPORTS.resolve("App.scr")));

    assertThat(library.protocolNames()).containsExactly("App");
    Monitor client = library.newMonitor("App", "Client");
    assertThat(client.step(SEND, "Server", "hello", List.of(1))).isFalse();
    assertThat(client.step(SEND, "Server", "hello", List.of("hi"))).isTrue();
    assertThat(client.step(RECEIVE, "Server", "reply", List.of(1))).isFalse();
    assertThat(client.step(RECEIVE, "Server", "reply", List.of("yo"))).isTrue();
    assertThat(client.step(RECEIVE, "Server", "hello", List.of("hi"))).isTrue();
    assertThat(client.isTerminal()).isTrue();
  }

  @Test
  void anImportThatCannotBeFoundIsAnErrorAtTheImport() {
    String text = "module m;\nimport no.Such;\nglobal protocol P(role A, role B) {\n"
        + "  x() from A to B;\n}\n";
    assertThatThrownBy(() -> ProtocolLibrary.parse("m.scr", text))
        .isInstanceOf(ScribbleException.class)
        .hasMessage("m.scr:2:8: module no.Such is imported but not loaded (give its file too)");
  }

  @Test
  void aProblemInsideACalleeOfAnotherFileIsReportedAtTheDo() {
    assertThatThrownBy(() -> ProtocolLibrary.load(List.of(IMPORTS.resolve("UsesBroken.scr"))))
        .isInstanceOf(ScribbleException.class)
        .hasMessage(IMPORTS.resolve("UsesBroken.scr") + ":7:5: each branch of choice at A must"
            + " start with a message from A\n" + IMPORTS.resolve("UsesBroken.scr") + ":7:5: role"
            + " B sends late before it learns which branch of the enclosing choice was taken");
  }
}
