package org.sessionchat.scribble;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sessionchat.scribble.ast.Module;
import org.sessionchat.scribble.print.ScribblePrinter;

/**
 * The projections of ChatServer.scr printed as Scribble match the report's section 3.1
 * token for token (whitespace aside). ChatRoom's listing is completed with the
 * {@code ServerLoop} branch that the report's page layout cut off.
 */
class ChatProjectionTest {

  private static final Pattern TOKEN = Pattern.compile("\"[^\"]*\"|[A-Za-z_][\\w.]*|\\S");

  @ParameterizedTest
  @ValueSource(strings = {"ClientThread", "RoomRegistry", "ChatRoom"})
  void projectionMatchesReport(String role) throws Exception {
    ProtocolLibrary library = ChatProtocols.library();
    Module module = library.modules().get(0);

    String printed = ScribblePrinter.localModule(module, role,
        library.localProtocols(module, role));

    String expected = Files.readString(
        Path.of("src/test/resources/projections/ChatServer_" + role + ".scr"));
    assertThat(tokens(printed)).containsExactlyElementsOf(tokens(expected));
  }

  private static List<String> tokens(String text) {
    List<String> tokens = new ArrayList<>();
    Matcher matcher = TOKEN.matcher(text);
    while (matcher.find()) {
      tokens.add(matcher.group());
    }
    return tokens;
  }
}
