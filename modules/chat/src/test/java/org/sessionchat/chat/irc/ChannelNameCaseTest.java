package org.sessionchat.chat.irc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sessionchat.chat.limits.Limits;
import org.sessionchat.chat.testing.IrcClient;
import org.sessionchat.chat.testing.LineClient;
import org.sessionchat.chat.testing.LocalChatNode;

/**
 * Channel names under {@code CASEMAPPING=ascii}, over real sockets: {@code #Deck} and
 * {@code #deck} are one channel, and every line names it as the member who made it spelt it,
 * for IRC and line-protocol clients alike.
 */
class ChannelNameCaseTest {

  @AutoClose
  private LocalChatNode node;

  @BeforeEach
  void start() {
    node = LocalChatNode.withIrc("irc-node", Limits.NONE);
  }

  @Test
  void deckAndDECKMeetInOneChannelShownAsItsCreatorSpeltIt() {
    try (IrcClient ann = node.irc("ann"); IrcClient bob = node.irc("bob")) {
      List<String> created = ann.join("#Deck");
      assertThat(created).containsExactly(":ann!~ann@127.0.0.1 JOIN #Deck",
          ":irc-node 353 ann = #Deck :ann", ":irc-node 366 ann #Deck :End of /NAMES list");

      bob.send("JOIN #deck");
      assertThat(bob.until(" 366 ")).containsExactly(":bob!~bob@127.0.0.1 JOIN #Deck",
          ":irc-node 353 bob = #Deck :ann bob", ":irc-node 366 bob #Deck :End of /NAMES list");
      assertThat(ann.next()).isEqualTo(":bob!~bob@127.0.0.1 JOIN #Deck");
      assertThat(node.node().roomManager().hostedRoomCount()).isEqualTo(1);
      assertThat(node.node().roomManager().hostedRoom("DECK").orElseThrow().name()).isEqualTo("Deck");

      bob.send("PRIVMSG #DECK :hi ann");
      assertThat(ann.next()).isEqualTo(":bob!~bob@127.0.0.1 PRIVMSG #Deck :hi ann");
      ann.send("PRIVMSG #deck :hi bob");
      assertThat(bob.next()).isEqualTo(":ann!~ann@127.0.0.1 PRIVMSG #Deck :hi bob");
      bob.send("NOTICE #dEcK :a notice");
      assertThat(ann.next()).isEqualTo(":bob!~bob@127.0.0.1 NOTICE #Deck :a notice");

      bob.send("TOPIC #deck :plans");
      assertThat(bob.next()).isEqualTo(":bob!~bob@127.0.0.1 TOPIC #Deck :plans");
      assertThat(ann.next()).isEqualTo(":bob!~bob@127.0.0.1 TOPIC #Deck :plans");
      ann.send("TOPIC #DECK");
      assertThat(ann.next()).isEqualTo(":irc-node 332 ann #Deck :plans");
      assertThat(ann.next()).startsWith(":irc-node 333 ann #Deck bob ");

      bob.send("NAMES #DECK");
      assertThat(bob.until(" 366 ")).containsExactly(":irc-node 353 bob = #Deck :ann bob",
          ":irc-node 366 bob #Deck :End of /NAMES list");
      bob.send("WHO #deck");
      List<String> who = bob.until(" 315 ");
      assertThat(who.get(0)).isEqualTo(":irc-node 352 bob #Deck ~ann 127.0.0.1 irc-node ann H :0 ann");
      assertThat(who.get(who.size() - 1)).isEqualTo(":irc-node 315 bob #Deck :End of WHO list");
      bob.send("MODE #deck");
      assertThat(bob.next()).isEqualTo(":irc-node 324 bob #Deck +n");
      bob.send("LIST");
      assertThat(bob.until(" 323 ")).contains(":irc-node 322 bob #Deck 2 :plans");

      bob.send("JOIN #DECK"); // in it already, in any case: nothing happens
      bob.expectNothingPending();
      ann.expectNothingPending();

      bob.send("PART #DECK :later");
      assertThat(bob.next()).isEqualTo(":bob!~bob@127.0.0.1 PART #Deck :later");
      assertThat(ann.next()).isEqualTo(":bob!~bob@127.0.0.1 PART #Deck :later");
      bob.send("PRIVMSG #deck :gone?");
      assertThat(bob.next()).isEqualTo(":irc-node 404 bob #deck :Cannot send to channel");
    }
  }

  @Test
  void aRoomALineClientCreatedIsTheIrcChannelInAnyCaseAndKeepsItsSpelling() {
    try (LineClient ann = node.connect("ann"); IrcClient carol = node.irc("carol");
        LineClient bob = node.connect("bob")) {
      ann.call("CREATE:Deck", "OK:CREATE:Deck").call("CREATE:DECK", "ERROR:ROOM_EXISTS:DECK");
      ann.call("JOIN:deck", "OK:JOIN:Deck").call("JOIN:other", "ERROR:IN_ROOM:Deck");

      carol.send("JOIN #DECK");
      assertThat(carol.until(" 366 ").get(0)).isEqualTo(":carol!~carol@127.0.0.1 JOIN #Deck");
      bob.call("LIST", "ROOMS:Deck").call("JOIN:dECK", "OK:JOIN:Deck");

      carol.send("PRIVMSG #deck :hello line");
      ann.expect("MSG:Deck:carol:hello line");
      bob.expect("MSG:Deck:carol:hello line");
      ann.send("CHAT:hello irc");
      assertThat(carol.next()).isEqualTo(":ann!~ann@line PRIVMSG #Deck :hello irc");
      bob.expect("MSG:Deck:ann:hello irc");

      bob.call("LEAVE", "OK:LEAVE:Deck");
      assertThat(node.node().roomManager().hostedRoomCount()).isEqualTo(1);
    }
  }

  @Test
  void channelsInOtherCasesAreListedAsTheirCreatorsSpeltThemSortedWithoutRegardToCase() {
    try (IrcClient ann = node.irc("ann"); LineClient bob = node.connect("bob")) {
      ann.join("#beta");
      ann.join("#Alpha");
      bob.call("CREATE:Gamma", "OK:CREATE:Gamma");
      bob.call("LIST", "ROOMS:Alpha:beta:Gamma");
      ann.send("LIST");
      assertThat(ann.until(" 323 ")).containsExactly(":irc-node 321 ann Channel :Users  Name",
          ":irc-node 322 ann #Alpha 1 :", ":irc-node 322 ann #beta 1 :", ":irc-node 322 ann #Gamma 0 :",
          ":irc-node 323 ann :End of /LIST");
    }
  }
}
