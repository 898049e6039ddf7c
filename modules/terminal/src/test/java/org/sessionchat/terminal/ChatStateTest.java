package org.sessionchat.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChatStateTest {

  @Test
  void followsTheRepliesIntoARoomAndOut() {
    ChatState state = ChatState.INITIAL.after(ServerLine.parse("WELCOME:guest-3:node2"));
    assertThat(state.prompt()).isEqualTo("guest-3@node2> ");
    state = state.after(ServerLine.parse("OK:NICK:ann")).after(ServerLine.parse("OK:JOIN:deck"));
    assertThat(state.prompt()).isEqualTo("ann@node2 deck> ");
    assertThat(state.after(ServerLine.parse("OK:LEAVE:deck")).room()).isNull();
    assertThat(state.after(ServerLine.parse("OFFLINE:deck")).room()).isNull();
    assertThat(state.after(ServerLine.parse("MSG:deck:bob:hi"))).isEqualTo(state);
  }

  @Test
  void offTheNodeMeansOutOfItsRoomButTheNickStays() {
    ChatState state = new ChatState(ChatState.Link.CONNECTED, "ann", "node1", new ChatState.Place.InRoom("deck"))
        .with(ChatState.Link.RECONNECTING);
    assertThat(state.room()).isNull();
    assertThat(state.prompt()).isEqualTo("(reconnecting) ann> ");
  }
}
