package org.sessionchat.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sessionchat.chat.testing.LineClient;
import org.sessionchat.chat.wire.CommandHelp;
import org.sessionchat.chat.testing.LocalChatNode;

/** Every command and error line of wire-protocol.md, over TCP against one node. */
class WireProtocolEndToEndTest {

  private static LocalChatNode node;

  @BeforeAll
  static void startNode() {
    node = LocalChatNode.start("wire-node", true);
  }

  @AfterAll
  static void stopNode() throws Exception {
    node.close();
  }

  @Test
  void welcomesEachClientWithAUniqueGuestNameAndTheNodeName() {
    try (LineClient a = LineClient.connect(node.port()); LineClient b = LineClient.connect(node.port())) {
      assertThat(a.welcome()).matches("WELCOME:guest-\\d+:wire-node");
      assertThat(b.welcome()).matches("WELCOME:guest-\\d+:wire-node").isNotEqualTo(a.welcome());
    }
  }

  @Test
  void answersConnectionCommandsInTheLobbyAndInARoom() {
    try (LineClient c = LineClient.connect(node.port())) {
      c.call("PING", "PONG").call("PING:t-1", "PONG:t-1").call("NICK:zoe", "OK:NICK:zoe");
      c.call("CREATE:cmds", "OK:CREATE:cmds").call("JOIN:cmds", "OK:JOIN:cmds");
      c.call("PING:in", "PONG:in").call("NICK:zed", "OK:NICK:zed");
      c.call("QUIT", "BYE").expectClosed();
    }
  }

  @Test
  void createsListsAndJoinsRooms() {
    try (LineClient c = LineClient.connect(node.port(), "ann")) {
      c.call("CREATE:lr-b", "OK:CREATE:lr-b");
      c.call("CREATE:lr-a", "OK:CREATE:lr-a");
      c.call("CREATE:lr-a", "ERROR:ROOM_EXISTS:lr-a");
      c.send("LIST");
      assertThat(c.next()).startsWith("ROOMS").contains(":lr-a:lr-b");
      c.call("JOIN:lr-none", "ERROR:ROOM_NOT_FOUND:lr-none");
      c.call("JOIN:lr-a", "OK:JOIN:lr-a");
    }
  }

  @Test
  void refusesLobbyCommandsInARoomAndRoomCommandsInTheLobby() {
    try (LineClient c = LineClient.connect(node.port(), "bob")) {
      c.call("CHAT:hello", "ERROR:NOT_IN_ROOM").call("LEAVE", "ERROR:NOT_IN_ROOM");
      c.call("CREATE:states", "OK:CREATE:states").call("JOIN:states", "OK:JOIN:states");
      c.call("LIST", "ERROR:IN_ROOM:states");
      c.call("CREATE:other", "ERROR:IN_ROOM:states");
      c.call("JOIN:states", "ERROR:IN_ROOM:states");
      c.call("LEAVE", "OK:LEAVE:states");
      c.call("LEAVE", "ERROR:NOT_IN_ROOM");
    }
  }

  @Test
  void answersMalformedInputAndStaysUsable() {
    try (LineClient c = LineClient.connect(node.port())) {
      c.call("HELLO:there", "ERROR:UNKNOWN_COMMAND:HELLO");
      c.call("JOIN", "ERROR:BAD_ARGUMENT:JOIN");
      c.call("CHAT:", "ERROR:BAD_ARGUMENT:CHAT");
      c.call("NICK:no spaces", "ERROR:BAD_NAME:no spaces:a name is 1-64 characters of A-Z a-z 0-9 _ . -");
      c.call("CREATE:" + "r".repeat(80), "ERROR:BAD_NAME:" + "r".repeat(64) + ":a name is 1-64 characters of A-Z a-z 0-9 _ . -");
      c.call("JOIN deck", "ERROR:UNKNOWN_COMMAND:JOIN deck:did you mean JOIN:deck?");
      c.sendRaw(("CHAT:" + "x".repeat(5000) + "\n").getBytes(StandardCharsets.UTF_8)).expect("ERROR:LINE_TOO_LONG");
      c.sendRaw(new byte[] {'N', 'I', 'C', 'K', ':', (byte) 0xC3, '(', '\n'}).expect("ERROR:BAD_ENCODING");
      c.sendRaw("PING:crlf\r\n".getBytes(StandardCharsets.UTF_8)).expect("PONG:crlf");
      c.call("PING", "PONG");
    }
  }

  @Test
  void helpListsTheCommandsInAnyState() {
    try (LineClient c = LineClient.connect(node.port())) {
      c.send("HELP");
      for (String line : CommandHelp.lines(null)) {
        c.expect(line);
      }
      c.call("HELP:leave", "HELP:LEAVE::back to the lobby (in a room)").expect("OK:HELP:LEAVE");
      c.call("CREATE:helpful", "OK:CREATE:helpful").call("JOIN:helpful", "OK:JOIN:helpful");
      c.call("HELP:chat", "HELP:CHAT:<text>:say something to the room (in a room)").expect("OK:HELP:CHAT");
      c.call("PING", "PONG");
    }
  }

  @Test
  void answersPipelinedCommandsOneByOneInOrder() {
    try (LineClient c = LineClient.connect(node.port())) {
      c.send("CREATE:pipe\nJOIN:pipe\nLIST\nLEAVE\nJOIN:pipe-none\nPING:end");
      c.expect("OK:CREATE:pipe").expect("OK:JOIN:pipe").expect("ERROR:IN_ROOM:pipe").expect("OK:LEAVE:pipe")
          .expect("ERROR:ROOM_NOT_FOUND:pipe-none").expect("PONG:end");
    }
  }
}
