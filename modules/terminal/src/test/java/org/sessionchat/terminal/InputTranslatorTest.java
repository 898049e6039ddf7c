package org.sessionchat.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InputTranslatorTest {

  private static final ChatState LOBBY = new ChatState(ChatState.Link.CONNECTED, "ann", "node1", new ChatState.Place.Lobby());
  private static final ChatState IN_DECK = new ChatState(ChatState.Link.CONNECTED, "ann", "node1", new ChatState.Place.InRoom("deck"));

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "/nick bob       | NICK:bob",
      "/NICK bob       | NICK:bob",
      "/create deck    | CREATE:deck",
      "/join deck      | JOIN:deck",
      "/list           | LIST",
      "/ping           | PING",
      "/ping t1        | PING:t1",
      "/raw FOO:bar    | FOO:bar",
      "NICK:bob        | NICK:bob",
      "nick:bob        | nick:bob",
      "LIST            | LIST",
      "JOIN x          | JOIN x",
      "QUIT:now        | QUIT:now"})
  void inTheLobbyShortcutsAndWireCommandsAreSent(String typed, String wire) {
    assertThat(InputTranslator.translate(typed, LOBBY)).isEqualTo(Action.Send.of(wire));
  }

  @Test
  void inTheLobbyPlainTextIsAHintNotALine() {
    assertThat(InputTranslator.translate("hello all", LOBBY)).isInstanceOf(Action.Note.class);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "hello all          | hello all",
      "join me later      | join me later",
      "list: eggs, milk   | list: eggs, milk",
      "quit               | quit",
      "//me too           | /me too",
      "/say NICK:x        | NICK:x"})
  void inARoomPlainTextIsChat(String typed, String said) {
    assertThat(InputTranslator.translate(typed, IN_DECK)).isEqualTo(new Action.Say(said));
  }

  @Test
  void inARoomUpperCaseWireCommandsStillWork() {
    assertThat(InputTranslator.translate("LEAVE", IN_DECK)).isEqualTo(Action.Send.of("LEAVE"));
    assertThat(InputTranslator.translate("NICK:bob", IN_DECK)).isEqualTo(Action.Send.of("NICK:bob"));
    assertThat(InputTranslator.translate("CHAT:hi", IN_DECK)).isEqualTo(Action.Send.of("CHAT:hi"));
  }

  @Test
  void joiningAnotherRoomLeavesTheCurrentOneFirst() {
    assertThat(InputTranslator.translate("/join lounge", IN_DECK)).isEqualTo(Action.Send.of("LEAVE", "JOIN:lounge"));
    assertThat(InputTranslator.translate("/join deck", IN_DECK)).isInstanceOf(Action.Note.class);
    assertThat(InputTranslator.translate("/join DECK", IN_DECK)).isEqualTo(Action.Note.of("You are in deck already."));
  }

  @Test
  void quittingAndTheRest() {
    assertThat(InputTranslator.translate("/quit", IN_DECK)).isEqualTo(new Action.Quit());
    assertThat(InputTranslator.translate("/exit", LOBBY)).isEqualTo(new Action.Quit());
    assertThat(InputTranslator.translate("QUIT", LOBBY)).isEqualTo(new Action.Quit());
    assertThat(InputTranslator.translate("QUIT", IN_DECK)).isEqualTo(new Action.Quit());
    assertThat(InputTranslator.translate("   ", IN_DECK)).isEqualTo(new Action.Nothing());
    assertThat(InputTranslator.translate("/help", LOBBY)).isInstanceOf(Action.Help.class);
    assertThat(InputTranslator.translate("/join", LOBBY)).isEqualTo(Action.Note.of("Usage: /join ROOM"));
    assertThat(InputTranslator.translate("/frobnicate", LOBBY)).isInstanceOf(Action.Note.class);
  }
}
