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
      "'NICK:bad name'  | 'ERROR:BAD_NAME:bad name:a name is 1-64 characters of A-Z a-z 0-9 _ . -'",
      "CREATE:a:b       | ERROR:BAD_NAME:a:b:a name is 1-64 characters of A-Z a-z 0-9 _ . -",
      "JOIN:ünï         | ERROR:BAD_NAME:ünï:a name is 1-64 characters of A-Z a-z 0-9 _ . -",
      "'JOIN x'         | 'ERROR:UNKNOWN_COMMAND:JOIN x:did you mean JOIN:x?'",
      "'nick carol2'    | 'ERROR:UNKNOWN_COMMAND:nick carol2:did you mean NICK:carol2?'",
      "'CHAT hi: all'   | 'ERROR:UNKNOWN_COMMAND:CHAT hi:did you mean CHAT:hi: all?'",
      "'LIST all'       | 'ERROR:UNKNOWN_COMMAND:LIST all:did you mean LIST?'",
      "'JOIN '          | 'ERROR:UNKNOWN_COMMAND:JOIN :did you mean JOIN?'",
      "'HELLO there'    | 'ERROR:UNKNOWN_COMMAND:HELLO there'",
      "HELP:FOO         | ERROR:UNKNOWN_COMMAND:FOO",
  })
  void answersMalformedCommandsWithTheirErrorLine(String line, String error) {
    assertThat(CommandParser.parse(line)).isEqualTo(new Command.Invalid(error));
  }

  @Test
  void truncatesEchoedInputTo64Characters() {
    String longName = "x".repeat(65);
    assertThat(CommandParser.parse("CREATE:" + longName))
        .isEqualTo(new Command.Invalid("ERROR:BAD_NAME:" + "x".repeat(64) + ":" + Replies.NAME_RULE));
    assertThat(CommandParser.parse("Y".repeat(100) + ":z"))
        .isEqualTo(new Command.Invalid("ERROR:UNKNOWN_COMMAND:" + "Y".repeat(64)));
  }

  @Test
  void helpForAllCommandsOrOne() {
    assertThat(CommandParser.parse("HELP")).isEqualTo(new Command.Help(null));
    assertThat(CommandParser.parse("help:join")).isEqualTo(new Command.Help("JOIN"));
    assertThat(CommandHelp.lines(null)).first().isEqualTo("HELP:NICK:<name>:choose your nickname (any time)");
    assertThat(CommandHelp.lines(null)).last().isEqualTo("OK:HELP");
    assertThat(CommandHelp.lines(null)).extracting(l -> l.split(":")[1]).contains(
        "NICK", "LIST", "CREATE", "JOIN", "CHAT", "LEAVE", "PING", "HELP", "QUIT");
    assertThat(CommandHelp.lines("JOIN")).containsExactly("HELP:JOIN:<room>:enter a room (lobby)", "OK:HELP:JOIN");
  }

  @Test
  void everyCommandInTheHelpIsOneTheParserKnows() {
    for (CommandHelp.Entry entry : CommandHelp.ENTRIES) {
      String line = entry.word() + (entry.takesArgument() && !entry.argument().startsWith("[") ? ":x" : "");
      assertThat(CommandParser.parse(line)).as(line).isNotInstanceOf(Command.Invalid.class);
    }
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
