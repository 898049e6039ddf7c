package org.sessionchat.scribble.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The CLI in process: output, one-line errors and exit codes. */
class ScribbleCliTest {

  private static final String CHAT = "../../protocols/ChatServer.scr";

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return ScribbleCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  @Test
  void checkListsProtocolsOfAGoodFile() {
    assertThat(run("check", CHAT)).isZero();
    assertThat(out.toString()).contains("ok: ChatServer(ClientThread, RoomRegistry)",
        "ok: ChatSession(ClientThread, ChatRoom)");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void checkReadsImportsAndNamesAuxProtocolsAsCheckedWhereCalled() {
    assertThat(run("check", "src/test/resources/imports/App.scr")).isZero();
    assertThat(out.toString().lines()).containsExactly("ok: App(Client, Server)",
        "ok: aux Greet(From, To), checked where do calls it",
        "ok: aux Broken(From, To), checked where do calls it");
  }

  @Test
  void projectShowsADoExpanded() {
    assertThat(run("project", "src/test/resources/good/do/Calls.scr", "--protocol", "Main",
        "--role", "Server")).isZero();
    assertThat(out.toString()).contains("hello(Text) from Client;", "hello(Text) to Client;",
        "rec __good_calls_Calls_Serve__Client_Server {").doesNotContain("do ");
  }

  @Test
  void checkReportsEveryErrorWithPositionAndExitsOne() {
    String bad = "src/test/resources/bad/several/all-reported.scr";
    assertThat(run("check", bad)).isEqualTo(1);
    assertThat(err.toString().lines()).hasSize(3)
        .allMatch(line -> line.startsWith(bad + ":"))
        .noneMatch(line -> line.contains("Exception"));
  }

  @Test
  void missingFileIsOneLine() {
    assertThat(run("check", "nope.scr")).isEqualTo(1);
    assertThat(err.toString()).isEqualTo("scribble: no such file: nope.scr\n");
  }

  @Test
  void unknownProtocolAndRoleAreOneLineNamingWhatExists() {
    assertThat(run("project", CHAT, "--protocol", "Chat", "--role", "ClientThread"))
        .isEqualTo(1);
    assertThat(err.toString()).isEqualTo(
        "scribble: unknown protocol Chat (protocols: ChatServer, ChatSession)\n");
    err.getBuffer().setLength(0);
    assertThat(run("fsm", CHAT, "--protocol", "ChatServer", "--role", "ChatRoom")).isEqualTo(1);
    assertThat(err.toString()).isEqualTo(
        "scribble: protocol ChatServer has no role ChatRoom (roles: ClientThread, RoomRegistry)\n");
  }

  @Test
  void projectPrintsLocalProtocol() {
    assertThat(run("project", CHAT, "--protocol", "ChatSession", "--role", "ChatRoom")).isZero();
    assertThat(out.toString())
        .startsWith("module src.com.simonjf.ScribbleExamples.ChatServer.ChatServer_ChatRoom;")
        .contains("local protocol ChatSession at ChatRoom(role ClientThread, role ChatRoom) {")
        .contains("incomingChatMessage(String) to ClientThread;")
        .doesNotContain("local protocol ChatServer");
  }

  @Test
  void fsmPrintsTextAndDot() {
    assertThat(run("fsm", CHAT, "--protocol", "ChatSession", "--role", "ClientThread")).isZero();
    assertThat(out.toString()).contains("par: 2 nested FSMs", "(idle: head of an exitless rec");
    out.getBuffer().setLength(0);
    assertThat(run("fsm", CHAT, "--protocol", "ChatSession", "--role", "ClientThread",
        "--format", "dot")).isZero();
    assertThat(out.toString()).startsWith("digraph ")
        .contains("subgraph \"cluster_S0_1\"", "subgraph \"cluster_S0_2\"", "par_transition");
  }

  @Test
  void helpOnEachCommandAndUsageErrorsExitTwo() {
    for (String command : new String[] {"check", "project", "fsm"}) {
      out.getBuffer().setLength(0);
      assertThat(run(command, "--help")).isZero();
      assertThat(out.toString()).contains("Usage: scribble " + command);
    }
    assertThat(run("fsm", CHAT, "--protocol", "ChatSession", "--role", "ClientThread",
        "--format", "svg")).isEqualTo(2);
    assertThat(run()).isEqualTo(2);
  }
}
