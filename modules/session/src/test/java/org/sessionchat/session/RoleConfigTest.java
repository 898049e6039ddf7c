package org.sessionchat.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.sessionchat.scribble.ProtocolLibrary;
import org.sessionchat.session.testkit.TestProtocols;

class RoleConfigTest {

  private final ProtocolLibrary protocols = TestProtocols.library();

  @Test
  void theChatRoleConfigurationMatchesListingOne() throws IOException {
    RoleConfig roles = RoleConfig.load(TestProtocols.projectProtocols().resolve("chat-roles.json"), protocols);

    assertThat(roles.actorKinds()).containsExactlyInAnyOrder("ChatClient", "RoomManager", "ChatRoom", "NickServer");
    assertThat(roles.mayPlay("ChatClient", "ChatServer", "ClientThread")).isTrue();
    assertThat(roles.mayPlay("ChatClient", "ChatSession", "ClientThread")).isTrue();
    assertThat(roles.mayPlay("RoomManager", "ChatServer", "RoomRegistry")).isTrue();
    assertThat(roles.mayPlay("ChatRoom", "ChatSession", "ChatRoom")).isTrue();
    assertThat(roles.mayPlay("ChatClient", "ChatSession", "ChatRoom")).isFalse();
    assertThat(roles.mayPlay("RoomManager", "ChatSession", "ChatRoom")).isFalse();
    assertThat(roles.mayPlay("Nobody", "ChatServer", "ClientThread")).isFalse();
  }

  @Test
  void anUnknownProtocolIsNamedInTheError() {
    assertThatThrownBy(() -> RoleConfig.parse("{\"K\": {\"ChatServr\": [\"ClientThread\"]}}", protocols))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'K'").hasMessageContaining("unknown protocol 'ChatServr'");
  }

  @Test
  void anUnknownRoleIsNamedWithTheRolesThereAre() {
    assertThatThrownBy(() -> RoleConfig.parse("{\"K\": {\"ChatServer\": [\"Client\"]}}", protocols))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no role 'Client'").hasMessageContaining("[ClientThread, RoomRegistry]");
  }

  @Test
  void badJsonOrAWrongShapeIsRefused() {
    assertThatThrownBy(() -> RoleConfig.parse("{\"K\": ", protocols))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a JSON object");
    assertThatThrownBy(() -> RoleConfig.parse("[]", protocols)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RoleConfig.parse("{\"K\": [\"ChatServer\"]}", protocols))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected an object");
    assertThatThrownBy(() -> RoleConfig.parse("{\"K\": {\"ChatServer\": \"ClientThread\"}}", protocols))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected an array");
  }
}
