package org.sessionchat.chat.irc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sessionchat.chat.testing.IrcClient;
import org.sessionchat.chat.testing.LimitsBuilder;
import org.sessionchat.chat.testing.LocalChatNode;

/** The numerics {@link IrcEndToEndTest} does not reach: small commands, limits, odd input. */
class IrcRestOfTheNumericsTest {

  @AutoClose
  private LocalChatNode node;

  @BeforeEach
  void start() {
    node = LocalChatNode.withIrc("irc-node", LimitsBuilder.limits().rooms(2, 2).build());
  }

  @Test
  void smallCommands() {
    try (IrcClient ann = node.irc("ann"); IrcClient bob = node.irc("bob")) {
      ann.send("PING");
      assertThat(ann.next()).isEqualTo(":irc-node 409 ann :No origin specified");
      ann.send("CAP FROB");
      assertThat(ann.next()).isEqualTo(":irc-node 410 ann FROB :Invalid CAP command");
      ann.send("CAP REQ :sasl");
      assertThat(ann.next()).isEqualTo(":irc-node CAP ann NAK :sasl");
      ann.send("AWAY :lunch");
      assertThat(ann.next()).isEqualTo(":irc-node 306 ann :You have been marked as being away");
      ann.send("AWAY");
      assertThat(ann.next()).isEqualTo(":irc-node 305 ann :You are no longer marked as being away");
      ann.send("USERHOST bob");
      assertThat(ann.next()).isEqualTo(":irc-node 302 ann :");
      ann.send("ISON bob");
      assertThat(ann.next()).isEqualTo(":irc-node 303 ann :");
      ann.send("MODE bob");
      assertThat(ann.next()).isEqualTo(":irc-node 502 ann :Cant change mode for other users");
      ann.send("WHOIS nobody");
      assertThat(ann.until(" 318 ")).containsExactly(":irc-node 401 ann nobody :No such nick/channel",
          ":irc-node 318 ann nobody :End of /WHOIS list");
      ann.join("#deck");
      bob.join("#deck");
      ann.expect(" JOIN #deck");
      ann.send("WHOIS bob");
      assertThat(ann.until(" 318 ")).containsExactly(":irc-node 311 ann bob ~bob 127.0.0.1 * :bob",
          ":irc-node 312 ann bob irc-node :session-chat node", ":irc-node 318 ann bob :End of /WHOIS list");
      ann.send("MODE #deck +o bob");
      assertThat(ann.next()).isEqualTo(":irc-node 482 ann #deck :You're not channel operator");
      ann.send("TOPIC #elsewhere");
      assertThat(ann.next()).isEqualTo(":irc-node 442 ann #elsewhere :You're not on that channel");
      ann.send("NOTICE nobody :no error for a notice");
      ann.send("JOIN 0");
      assertThat(ann.next()).isEqualTo(":ann!~ann@127.0.0.1 PART #deck");
      assertThat(bob.next()).isEqualTo(":ann!~ann@127.0.0.1 PART #deck");
      ann.send("MOTD");
      assertThat(ann.until(" 376 ")).hasSize(5);
    }
  }

  @Test
  void limitsAndOddInput() {
    try (IrcClient ann = node.irc("ann"); IrcClient bob = node.irc("bob"); IrcClient cat = node.irc("cat")) {
      ann.join("#one");
      ann.join("#two");
      ann.send("JOIN #three");
      assertThat(ann.next()).isEqualTo(":irc-node 405 ann #three :This node hosts as many channels as it may");
      bob.join("#one");
      ann.expect(" JOIN #one");
      cat.send("JOIN #one");
      assertThat(cat.next()).isEqualTo(":irc-node 471 cat #one :Cannot join channel (+l)");
      ann.send("PRIVMSG #one :" + "x".repeat(600));
      assertThat(ann.next()).isEqualTo(":irc-node 417 ann :Input line was too long");
      ann.send("PRIVMSG #one :bad \u0000 byte");
      assertThat(ann.next()).startsWith(":irc-node NOTICE ann :*** Line dropped: not UTF-8");
      ann.send("@time=2020 :ann!x@y PRIVMSG #one :tags and a prefix are skipped");
      assertThat(bob.until("tags and")).last().isEqualTo(":ann!~ann@127.0.0.1 PRIVMSG #one :tags and a prefix are skipped");
      byte[] latin1 = "PRIVMSG #one :caf\u00e9\r\n".getBytes(StandardCharsets.ISO_8859_1);
      ann.sendRaw(latin1);
      assertThat(ann.next()).startsWith(":irc-node NOTICE ann :*** Line dropped: not UTF-8");
      ann.expectNothingPending();
    }
  }
}
