package org.sessionchat.chat.wire;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CommandParserTest {

  @Test
  void parsesEveryCommandOfTheProtocol() {
    assertThat(CommandParser.parse("NICK:alice")).isEqualTo(new Command.Nick("alice"));
    assertThat(CommandParser.parse("LIST")).isEqualTo(new Command.ListRooms());
    assertThat(CommandParser.parse("CREATE:room-1")).isEqualTo(new Command.Create("room-1"));
    assertThat(CommandParser.parse("JOIN:a.b_c")).isEqualTo(new Command.Join("a.b_c"));
    assertThat(CommandParser.parse("CHAT:hi")).isEqualTo(new Command.Chat("hi"));
    assertThat(CommandParser.parse("LEAVE")).isEqualTo(new Command.Leave());
    assertThat(CommandParser.parse("PING")).isEqualTo(new Command.Ping(null));
    assertThat(CommandParser.parse("PING:42")).isEqualTo(new Command.Ping("42"));
    assertThat(CommandParser.parse("QUIT")).isEqualTo(new Command.Quit());
  }

  @Test
  void keepsChatTextAfterTheFirstColonVerbatim() {
    assertThat(CommandParser.parse("CHAT:a:b: c ::")).isEqualTo(new Command.Chat("a:b: c ::"));
  }

  @Test
  void matchesCommandWordsWithoutRegardToCase() {
    assertThat(CommandParser.parse("join:lobby")).isEqualTo(new Command.Join("lobby"));
    assertThat(CommandParser.parse("Quit")).isEqualTo(new Command.Quit());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "HELLO            | ERROR:UNKNOWN_COMMAND:HELLO",
      "FOO:bar          | ERROR:UNKNOWN_COMMAND:FOO",
      "'NICK'           | ERROR:BAD_ARGUMENT:NICK",
      "NICK:            | ERROR:BAD_ARGUMENT:NICK",
      "CREATE           | ERROR:BAD_ARGUMENT:CREATE",
      "join:            | ERROR:BAD_ARGUMENT:JOIN",
      "CHAT             | ERROR:BAD_ARGUMENT:CHAT",
      "CHAT:            | ERROR:BAD_ARGUMENT:CHAT",
      "LIST:x           | ERROR:BAD_ARGUMENT:LIST",
      "LEAVE:x          | ERROR:BAD_ARGUMENT:LEAVE",
      "QUIT:now         | ERROR:BAD_ARGUMENT:QUIT",
      "'NICK:bad name'  | 'ERROR:BAD_NAME:bad name'",
      "CREATE:a:b       | ERROR:BAD_NAME:a:b",
      "JOIN:ünï         | ERROR:BAD_NAME:ünï",
  })
  void answersMalformedCommandsWithTheirErrorLine(String line, String error) {
    assertThat(CommandParser.parse(line)).isEqualTo(new Command.Invalid(error));
  }

  @Test
  void truncatesEchoedInputTo64Characters() {
    String longName = "x".repeat(65);
    assertThat(CommandParser.parse("CREATE:" + longName))
        .isEqualTo(new Command.Invalid("ERROR:BAD_NAME:" + "x".repeat(64)));
    assertThat(CommandParser.parse("Y".repeat(100) + ":z"))
        .isEqualTo(new Command.Invalid("ERROR:UNKNOWN_COMMAND:" + "Y".repeat(64)));
  }

  @Test
  void acceptsNamesOfOneTo64AllowedCharacters() {
    assertThat(Names.isValid("a")).isTrue();
    assertThat(Names.isValid("A-z_0.9")).isTrue();
    assertThat(Names.isValid("n".repeat(64))).isTrue();
    assertThat(Names.isValid("n".repeat(65))).isFalse();
    assertThat(Names.isValid("")).isFalse();
    assertThat(Names.isValid("a b")).isFalse();
  }

  @Test
  void formatsRoomListsWithAndWithoutRooms() {
    assertThat(Replies.rooms(java.util.List.of())).isEqualTo("ROOMS");
    assertThat(Replies.rooms(java.util.List.of("a", "b"))).isEqualTo("ROOMS:a:b");
  }
}
