package org.sessionchat.scribble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sessionchat.scribble.print.FsmTextPrinter;
import org.sessionchat.scribble.print.ScribblePrinter;

/**
 * Runs the protocol corpus: the project's ChatServer.scr and every file under {@code good/} loads and builds an FSM for each
 * role; every file under {@code bad/<kind>/} fails with exactly the errors its
 * {@code // expect line:col message} comments name, and nothing else. Adding a case is
 * adding a file.
 */
class CorpusTest {

  private static final Path ROOT = Path.of("src/test/resources");
  private static final Pattern EXPECT = Pattern.compile("^// expect (\\d+):(\\d+) (.+)$",
      Pattern.MULTILINE);

  static Stream<Path> good() throws IOException {
    return Stream.concat(Stream.of(ChatProtocols.FILE), files("good"));
  }

  static Stream<Path> bad() throws IOException {
    return files("bad");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("good")
  void goodProtocolLoadsWithAnFsmPerRole(Path file) throws Exception {
    ProtocolLibrary library = ProtocolLibrary.load(List.of(file));

    assertThat(library.protocolNames()).isNotEmpty();
    for (String protocol : library.protocolNames()) {
      for (String role : library.roles(protocol)) {
        assertThat(library.newMonitor(protocol, role).describeState()).startsWith("S0");
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bad")
  void badProtocolReportsExactlyTheExpectedErrors(Path file) throws Exception {
    List<Expected> expected = expectations(Files.readString(file));
    assertThat(expected).as("a bad file must name its errors in // expect comments")
        .isNotEmpty();

    ScribbleException error = catchThrowableOfType(
        () -> ProtocolLibrary.load(List.of(file)), ScribbleException.class);

    assertThat(error).as("loading " + file + " must fail").isNotNull();
    assertThat(error.diagnostics()).hasSameSizeAs(expected);
    for (int i = 0; i < expected.size(); i++) {
      Diagnostic actual = error.diagnostics().get(i);
      Expected wanted = expected.get(i);
      assertThat(actual.source()).isEqualTo(file.toString());
      assertThat(actual.line() + ":" + actual.column()).isEqualTo(wanted.line + ":" + wanted.column);
      assertThat(actual.message()).startsWith(wanted.message);
    }
    assertThat(error.getStackTrace()).isEmpty();
    assertThat(error.getMessage()).doesNotContain("Exception").doesNotContain("\tat ");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("good")
  void parsingTheSameFileTwiceGivesEqualResults(Path file) throws Exception {
    ProtocolLibrary first = ProtocolLibrary.load(List.of(file));
    ProtocolLibrary second = ProtocolLibrary.load(List.of(file));

    assertThat(second.modules()).isEqualTo(first.modules());
    for (String protocol : first.protocolNames()) {
      for (String role : first.roles(protocol)) {
        assertThat(second.localProtocol(protocol, role))
            .isEqualTo(first.localProtocol(protocol, role));
        assertThat(second.fsm(protocol, role).states())
            .isEqualTo(first.fsm(protocol, role).states());
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("good")
  void printedProtocolsParseBackToTheSameFsms(Path file) throws Exception {
    ProtocolLibrary original = ProtocolLibrary.load(List.of(file));
    String printed = ScribblePrinter.module(original.modules().get(0));

    ProtocolLibrary reparsed = ProtocolLibrary.parse("printed.scr", printed);

    assertThat(ScribblePrinter.module(reparsed.modules().get(0))).isEqualTo(printed);
    for (String protocol : original.protocolNames()) {
      for (String role : original.roles(protocol)) {
        assertThat(FsmTextPrinter.print(reparsed.fsm(protocol, role)))
            .isEqualTo(FsmTextPrinter.print(original.fsm(protocol, role)));
      }
    }
  }

  @org.junit.jupiter.api.Test
  void missingFileIsAnIoErrorNotAProtocolError() {
    assertThatThrownBy(() -> ProtocolLibrary.load(List.of(ROOT.resolve("no-such.scr"))))
        .isInstanceOf(IOException.class);
  }

  private record Expected(int line, int column, String message) {}

  private static List<Expected> expectations(String text) {
    Matcher m = EXPECT.matcher(text);
    List<Expected> expected = new java.util.ArrayList<>();
    while (m.find()) {
      expected.add(new Expected(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
          m.group(3)));
    }
    return expected;
  }

  private static Stream<Path> files(String dir) throws IOException {
    try (Stream<Path> walk = Files.walk(ROOT.resolve(dir))) {
      return walk.filter(p -> p.toString().endsWith(".scr")).sorted().toList().stream();
    }
  }
}
