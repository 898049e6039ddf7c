package org.sessionchat.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ServerLineTest {

  @Test
  void readsEveryReplyOfTheWireProtocol() {
    assertThat(ServerLine.parse("WELCOME:guest-1:node1")).isEqualTo(new ServerLine.Welcome("WELCOME:guest-1:node1", "guest-1", "node1"));
    assertThat(ServerLine.parse("OK:JOIN:deck")).isEqualTo(new ServerLine.Ok("OK:JOIN:deck", "JOIN", "deck"));
    assertThat(ServerLine.parse("OK:HELP")).isEqualTo(new ServerLine.Ok("OK:HELP", "HELP", ""));
    assertThat(ServerLine.parse("ROOMS")).isEqualTo(new ServerLine.Rooms("ROOMS", List.of()));
    assertThat(ServerLine.parse("ROOMS:a:b")).isEqualTo(new ServerLine.Rooms("ROOMS:a:b", List.of("a", "b")));
    assertThat(ServerLine.parse("MSG:deck:bob:hi: there")).isEqualTo(new ServerLine.Message("MSG:deck:bob:hi: there", "deck", "bob", "hi: there"));
    assertThat(ServerLine.parse("OFFLINE:deck")).isEqualTo(new ServerLine.Offline("OFFLINE:deck", "deck"));
    assertThat(ServerLine.parse("ERROR:NOT_IN_ROOM")).isEqualTo(new ServerLine.Error("ERROR:NOT_IN_ROOM", "NOT_IN_ROOM", ""));
    assertThat(ServerLine.parse("ERROR:BAD_NAME:a:b")).isEqualTo(new ServerLine.Error("ERROR:BAD_NAME:a:b", "BAD_NAME", "a:b"));
    assertThat(ServerLine.parse("BYE")).isEqualTo(new ServerLine.Bye("BYE"));
    assertThat(ServerLine.parse("PONG")).isEqualTo(new ServerLine.Pong("PONG", null));
    assertThat(ServerLine.parse("PONG:x")).isEqualTo(new ServerLine.Pong("PONG:x", "x"));
  }

  @Test
  void anythingElseIsKeptAsItCame() {
    for (String line : List.of("HELP:NICK:<name>:choose a nick", "MSG:short", "WELCOME", "", "BYE:x", "OFFLINE:a:b")) {
      assertThat(ServerLine.parse(line)).isEqualTo(new ServerLine.Other(line));
    }
  }
}
