package org.sessionchat.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sessionchat.chat.testing.LineClient;
import org.sessionchat.chat.testing.LocalChatNode;

/**
 * Every class of malformed line gets exactly its one error line (blank lines: none) and the
 * connection stays usable: the next PING is answered next. A line that never ends is in
 * {@code limits.UnendedLineTest}.
 */
class MalformedLinesTest {

  private static LocalChatNode node;

  @BeforeAll
  static void startNode() {
    node = LocalChatNode.start();
  }

  @AfterAll
  static void stopNode() throws Exception {
    node.close();
  }

  static Stream<Arguments> malformedLines() {
    return Stream.of(
        Arguments.of("too long", ("CHAT:" + "x".repeat(4100) + "\n").getBytes(StandardCharsets.UTF_8),
            "ERROR:LINE_TOO_LONG"),
        Arguments.of("bad UTF-8", bytes('C', 'H', 'A', 'T', ':', 0xC3, '(', '\n'), "ERROR:BAD_ENCODING"),
        Arguments.of("NUL byte", bytes('N', 'I', 'C', 'K', ':', 'a', 0, 'b', '\n'), "ERROR:BAD_ENCODING"),
        Arguments.of("bare CR inside", "CHAT:hi\rMSG:r:admin:forged\n".getBytes(StandardCharsets.UTF_8),
            "ERROR:BAD_ENCODING"),
        Arguments.of("binary garbage", bytes(0xFF, 0xFE, 0x00, 0x01, 0x9C, '\n'), "ERROR:BAD_ENCODING"),
        Arguments.of("unknown command", line("SHOUT:hello"), "ERROR:UNKNOWN_COMMAND:SHOUT"),
        Arguments.of("missing argument", line("CREATE"), "ERROR:BAD_ARGUMENT:CREATE"),
        Arguments.of("empty argument", line("NICK:"), "ERROR:BAD_ARGUMENT:NICK"),
        Arguments.of("argument where none belongs", line("LIST:all"), "ERROR:BAD_ARGUMENT:LIST"),
        Arguments.of("bad name", line("JOIN:no/slashes"), "ERROR:BAD_NAME:no/slashes:a name is 1-64 characters of A-Z a-z 0-9 _ . -"),
        Arguments.of("only colons", line(":::"), "ERROR:UNKNOWN_COMMAND:"),
        Arguments.of("empty line", line(""), null),
        Arguments.of("blank line", line(" \t "), null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformedLines")
  void getsItsOneErrorLineAndTheConnectionStaysUsable(String what, byte[] input, String error) {
    try (LineClient client = LineClient.connect(node.port())) {
      client.sendRaw(input);
      if (error != null) {
        assertThat(client.next()).as(what).isEqualTo(error);
      }
      client.call("PING:" + what.length(), "PONG:" + what.length());
    }
  }

  private static byte[] line(String text) {
    return (text + "\n").getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] bytes(int... values) {
    byte[] out = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = (byte) values[i];
    }
    return out;
  }
}
