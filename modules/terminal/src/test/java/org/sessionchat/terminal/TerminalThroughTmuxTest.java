package org.sessionchat.terminal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sessionchat.session.testkit.Tmux;

/**
 * The real client in a real terminal (tmux) against a real node: what a person sees and
 * what the keys do. Skipped where tmux is not installed (.ci/run installs it).
 */
class TerminalThroughTmuxTest {

  @TempDir
  Path dir;

  @Test
  void editsLinesKeepsHistoryAndPrintsIncomingLinesAboveThePrompt() throws Exception {
    Assumptions.assumeTrue(Tmux.available(), "tmux is not installed");
    try (ChatNodes nodes = ChatNodes.single(); WireClient bob = new WireClient(nodes.port(0));
         Tmux tmux = Tmux.start(clientCommand(String.valueOf(nodes.port(0))), 100, 30)) {
      tmux.awaitScreen("the welcome and the prompt", s -> s.contains("Connected to node1") && s.endsWith("@node1>"));

      tmux.type("/nick ann");
      tmux.press("Enter");
      tmux.awaitScreen("the new nick in the prompt", s -> s.endsWith("ann@node1>"));
      tmux.type("/create deck");
      tmux.press("Enter");
      tmux.type("/join deck");
      tmux.press("Enter");
      tmux.awaitScreen("the room in the prompt", s -> s.contains("You joined deck.") && s.endsWith("ann@node1 deck>"));
      assertThat(bob.call("NICK:bob")).isEqualTo("OK:NICK:bob");
      assertThat(bob.call("JOIN:deck")).isEqualTo("OK:JOIN:deck");

      // line editing: "helo", cursor left once, insert "l" -> "hello"
      tmux.type("helo");
      tmux.press("Left");
      tmux.type("l");
      tmux.awaitScreen("the edited line", s -> s.endsWith("ann@node1 deck> hello"));

      // a line arriving meanwhile goes above the prompt; what is being typed stays as it was
      bob.send("CHAT:are you there?");
      String screen = tmux.awaitScreenContains("[deck] <bob> are you there?");
      assertThat(tmux.lastLine()).isEqualTo("ann@node1 deck> hello");
      assertThat(screen.indexOf("[deck] <bob> are you there?")).isLessThan(screen.lastIndexOf("ann@node1 deck> hello"));

      tmux.press("Enter");
      assertThat(bob.next()).isEqualTo("MSG:deck:ann:hello");
      tmux.awaitScreenContains("[deck] <ann> hello");

      // history: Up brings the last line back
      tmux.press("Up");
      tmux.awaitScreen("the line from history", s -> s.endsWith("ann@node1 deck> hello"));
      tmux.type(" again");
      tmux.press("Enter");
      assertThat(bob.next()).isEqualTo("MSG:deck:ann:hello again");

      // colour where the terminal has it: bob's nick is drawn with an SGR escape
      assertThat(tmux.screenWithEscapes()).contains("\u001b[");

      // arrow keys never reach the node as ^[[D (the old client sent them, answered ERROR:BAD_ENCODING)
      assertThat(tmux.screen()).doesNotContain("BAD_ENCODING");

      tmux.type("/quit");
      tmux.press("Enter");
      await().atMost(Duration.ofSeconds(20)).until(tmux::exited);
      assertThat(Files.readAllLines(dir.resolve("history"))).anyMatch(l -> l.endsWith("hello again"));
    }
  }

  /** The client's main class on the test class path, run by the same Java. */
  private String clientCommand(String nodes) throws Exception {
    Path args = dir.resolve("java.args");
    Files.write(args, List.of(
        "-cp", quote(System.getProperty("java.class.path")),
        ChatTerminal.class.getName(), nodes, "--history", quote(dir.resolve("history").toString())));
    return quote(Path.of(System.getProperty("java.home"), "bin", "java").toString()) + " @" + quote(args.toString());
  }

  private static String quote(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
