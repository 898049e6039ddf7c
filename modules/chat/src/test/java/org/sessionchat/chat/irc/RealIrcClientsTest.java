package org.sessionchat.chat.irc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sessionchat.chat.limits.Limits;
import org.sessionchat.chat.testing.IrcClient;
import org.sessionchat.chat.testing.LocalChatNode;
import org.sessionchat.session.testkit.Tmux;

/**
 * Debian's irssi and WeeChat, each in a real terminal (tmux), against a node's IRC listener,
 * with a scripted client beside them that reads the wire: they register, join one channel
 * typed in three cases, and what each types reaches the others. Skipped where tmux, irssi or
 * WeeChat is missing (scripts/test installs them).
 */
class RealIrcClientsTest {

  private static final String WELCOME = "Welcome to the session-chat IRC network";

  @TempDir
  Path home;

  @AutoClose
  private final LocalChatNode node = LocalChatNode.withIrc("irc-node", Limits.NONE);

  @Test
  void irssiAndWeeChatRegisterJoinOneChannelAndSeeEachOthersLines() {
    assumeTrue(Tmux.available() && installed("irssi") && installed("weechat"), "tmux, irssi or weechat is not installed");
    int port = node.ircPort();
    try (IrcClient carol = node.irc("carol");
         Tmux irssi = Tmux.start("irssi --home=" + home.resolve("irssi") + " -c 127.0.0.1 -p " + port + " -n ann", 120, 30);
         Tmux weechat = Tmux.start("weechat -d " + home.resolve("weechat") + " -r '/server add local 127.0.0.1/" + port
             + " -notls;/set irc.server.local.nicks bob;/set irc.server.local.username bob;/connect local'", 120, 30)) {
      carol.join("#Deck");
      irssi.awaitScreenContains(WELCOME);
      weechat.awaitScreenContains(WELCOME);

      irssi.type("/join #deck");
      irssi.press("Enter");
      assertThat(carol.until(" JOIN ")).last().asString().startsWith(":ann!").endsWith(" JOIN #Deck");
      irssi.awaitScreenContains("has joined #Deck");
      weechat.type("/join #DECK");
      weechat.press("Enter");
      assertThat(carol.until(" JOIN ")).last().asString().startsWith(":bob!").endsWith(" JOIN #Deck");
      weechat.awaitScreenContains("has joined #Deck");

      irssi.type("hello from irssi");
      irssi.press("Enter");
      assertThat(carol.next()).startsWith(":ann!").endsWith(" PRIVMSG #Deck :hello from irssi");
      weechat.awaitScreenContains("hello from irssi");

      weechat.type("hello from WeeChat");
      weechat.press("Enter");
      assertThat(carol.next()).startsWith(":bob!").endsWith(" PRIVMSG #Deck :hello from WeeChat");
      irssi.awaitScreenContains("hello from WeeChat");

      carol.send("PRIVMSG #Deck :hi both");
      irssi.awaitScreenContains("hi both");
      weechat.awaitScreenContains("hi both");

      irssi.type("/quit see you");
      irssi.press("Enter");
      assertThat(carol.until(" QUIT ")).last().asString().startsWith(":ann!").contains("see you");
      weechat.awaitScreenContains("see you");
    }
  }

  private static boolean installed(String command) {
    try {
      Process which = new ProcessBuilder("sh", "-c", "command -v " + command).start();
      return which.waitFor(10, TimeUnit.SECONDS) && which.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
