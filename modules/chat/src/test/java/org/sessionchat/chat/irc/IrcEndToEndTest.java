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

/** Every IRC command and numeric the node supports, over real sockets, on one node. */
class IrcEndToEndTest {

  @AutoClose
  private LocalChatNode node;

  @BeforeEach
  void start() {
    node = LocalChatNode.withIrc("irc-node", Limits.NONE);
  }

  private static List<String> numerics(List<String> lines) {
    return lines.stream().map(IrcClient::numeric).filter(n -> n != null).toList();
  }

  @Test
  void registrationWithCapabilitiesUserFirstThenWelcomeAndMotd() {
    try (IrcClient client = IrcClient.open(node.ircPort())) {
      client.send("CAP LS 302");
      assertThat(client.next()).isEqualTo(":irc-node CAP * LS :");
      client.send("USER ann 0 * :Ann Example").send("NICK ann");
      client.send("PING :early");
      assertThat(client.next()).isEqualTo(":irc-node PONG irc-node :early");
      client.send("CAP END");
      List<String> burst = client.until(" 376 ");
      assertThat(numerics(burst)).containsExactly("001", "002", "003", "004", "005", "375", "372", "372", "372", "376");
      assertThat(burst.get(0)).startsWith(":irc-node 001 ann :Welcome").endsWith("ann!~ann@127.0.0.1");
      assertThat(burst.get(4)).contains("CASEMAPPING=ascii", "CHANTYPES=#", "NICKLEN=30", "CHANNELLEN=65");
      client.send("USER again 0 * :x");
      assertThat(client.next()).isEqualTo(":irc-node 462 ann :You may not reregister");
    }
  }

  @Test
  void errorsBeforeAndAfterRegistration() {
    try (IrcClient client = IrcClient.open(node.ircPort()); IrcClient taken = node.irc("taken")) {
      client.send("JOIN #x");
      assertThat(client.next()).isEqualTo(":irc-node 451 * :You have not registered");
      client.send("NICK");
      assertThat(client.next()).isEqualTo(":irc-node 431 * :No nickname given");
      client.send("NICK 9lives");
      assertThat(client.next()).isEqualTo(":irc-node 432 * 9lives :Erroneous nickname");
      client.send("NICK TAKEN");
      assertThat(client.next()).isEqualTo(":irc-node 433 * TAKEN :Nickname is already in use");
      client.send("USER bob");
      assertThat(client.next()).isEqualTo(":irc-node 461 * USER :Not enough parameters");
      client.send("NICK bob").send("USER bob 0 * :Bob");
      client.until(" 376 ");
      client.send("FROB #x");
      assertThat(client.next()).isEqualTo(":irc-node 421 bob FROB :Unknown command");
      client.send("JOIN");
      assertThat(client.next()).isEqualTo(":irc-node 461 bob JOIN :Not enough parameters");
      client.send("PRIVMSG #nowhere :hi");
      assertThat(client.next()).isEqualTo(":irc-node 404 bob #nowhere :Cannot send to channel");
      client.send("PRIVMSG nobody :hi");
      assertThat(client.next()).isEqualTo(":irc-node 401 bob nobody :No such nick/channel");
      client.send("PRIVMSG");
      assertThat(client.next()).isEqualTo(":irc-node 411 bob :No recipient given (PRIVMSG)");
      client.send("PRIVMSG taken");
      assertThat(client.next()).isEqualTo(":irc-node 412 bob :No text to send");
      client.send("PART #nowhere");
      assertThat(client.next()).isEqualTo(":irc-node 442 bob #nowhere :You're not on that channel");
      client.send("JOIN #bad!name");
      assertThat(client.next()).isEqualTo(":irc-node 403 bob #bad!name :No such channel");
    }
  }

  @Test
  void joinCreatesTheRoomAndRepliesInOrderThenChannelTraffic() {
    try (IrcClient ann = node.irc("ann"); IrcClient bob = node.irc("bob")) {
      List<String> joined = ann.join("#deck");
      assertThat(joined.get(0)).isEqualTo(":ann!~ann@127.0.0.1 JOIN #deck");
      assertThat(joined.subList(1, joined.size())).containsExactly(
          ":irc-node 353 ann = #deck :ann", ":irc-node 366 ann #deck :End of /NAMES list");
      assertThat(node.node().roomManager().hostedRoom("deck")).isPresent();

      ann.send("TOPIC #deck");
      assertThat(ann.next()).isEqualTo(":irc-node 331 ann #deck :No topic is set");
      ann.send("TOPIC #deck :plans for today");
      assertThat(ann.next()).isEqualTo(":ann!~ann@127.0.0.1 TOPIC #deck :plans for today");

      List<String> bobJoined = bob.join("#deck");
      assertThat(bobJoined.get(0)).isEqualTo(":bob!~bob@127.0.0.1 JOIN #deck");
      assertThat(bobJoined.get(1)).isEqualTo(":irc-node 332 bob #deck :plans for today");
      assertThat(bobJoined.get(2)).startsWith(":irc-node 333 bob #deck ann ");
      assertThat(bobJoined.get(3)).isEqualTo(":irc-node 353 bob = #deck :ann bob");
      assertThat(ann.next()).isEqualTo(":bob!~bob@127.0.0.1 JOIN #deck");

      bob.send("PRIVMSG #deck :hi ann");
      assertThat(ann.next()).isEqualTo(":bob!~bob@127.0.0.1 PRIVMSG #deck :hi ann");
      bob.send("NOTICE #deck :a notice");
      assertThat(ann.next()).isEqualTo(":bob!~bob@127.0.0.1 NOTICE #deck :a notice");
      bob.send("PRIVMSG #deck :\u0001ACTION waves\u0001");
      assertThat(ann.next()).isEqualTo(":bob!~bob@127.0.0.1 PRIVMSG #deck :\u0001ACTION waves\u0001");
      bob.expectNothingPending();

      bob.send("NAMES #deck");
      assertThat(bob.until(" 366 ")).containsExactly(":irc-node 353 bob = #deck :ann bob",
          ":irc-node 366 bob #deck :End of /NAMES list");
      bob.send("WHO #deck");
      List<String> who = bob.until(" 315 ");
      assertThat(who).hasSize(3);
      assertThat(who.get(0)).isEqualTo(":irc-node 352 bob #deck ~ann 127.0.0.1 irc-node ann H :0 ann");
      assertThat(who.get(2)).isEqualTo(":irc-node 315 bob #deck :End of WHO list");
      bob.send("MODE #deck");
      assertThat(bob.next()).isEqualTo(":irc-node 324 bob #deck +n");
      bob.send("MODE #deck b");
      assertThat(bob.next()).isEqualTo(":irc-node 368 bob #deck :End of channel ban list");
      bob.send("MODE bob");
      assertThat(bob.next()).isEqualTo(":irc-node 221 bob +");
      bob.send("LIST");
      assertThat(bob.until(" 323 ")).containsExactly(":irc-node 321 bob Channel :Users  Name",
          ":irc-node 322 bob #deck 2 :plans for today", ":irc-node 323 bob :End of /LIST");

      bob.send("NICK robert");
      assertThat(bob.next()).isEqualTo(":bob!~bob@127.0.0.1 NICK :robert");
      assertThat(ann.next()).isEqualTo(":bob!~bob@127.0.0.1 NICK :robert");
      bob.send("PART #deck :bye for now");
      assertThat(bob.next()).isEqualTo(":robert!~bob@127.0.0.1 PART #deck :bye for now");
      assertThat(ann.next()).isEqualTo(":robert!~bob@127.0.0.1 PART #deck :bye for now");
      bob.send("PRIVMSG #deck :still here?");
      assertThat(bob.next()).isEqualTo(":irc-node 404 robert #deck :Cannot send to channel");
    }
  }

  @Test
  void manyChannelsAtOnceEachItsOwnSession() {
    try (IrcClient ann = node.irc("ann"); IrcClient bob = node.irc("bob")) {
      ann.send("JOIN #one,#two");
      ann.until(" 366 ann #one ");
      ann.until(" 366 ann #two ");
      ann.join("#three");
      bob.join("#two");
      ann.expect(" JOIN #two");
      bob.send("PRIVMSG #two :in two");
      assertThat(ann.next()).isEqualTo(":bob!~bob@127.0.0.1 PRIVMSG #two :in two");
      ann.send("PRIVMSG #one,#three :to one and three");
      ann.send("PART #one");
      assertThat(ann.next()).isEqualTo(":ann!~ann@127.0.0.1 PART #one");
      ann.send("PRIVMSG #two :still in two");
      assertThat(bob.next()).isEqualTo(":ann!~ann@127.0.0.1 PRIVMSG #two :still in two");
      ann.send("LIST");
      assertThat(ann.until(" 323 ")).contains(":irc-node 322 ann #two 2 :", ":irc-node 322 ann #three 1 :");
    }
  }

  @Test
  void aLineClientAndAnIrcClientInOneRoom() {
    try (IrcClient ann = node.irc("ann"); LineClient bob = node.connect("bob")) {
      ann.join("#deck");
      bob.call("JOIN:deck", "OK:JOIN:deck");
      bob.send("CHAT:hello from the line protocol");
      assertThat(ann.next()).isEqualTo(":bob!~bob@line PRIVMSG #deck :hello from the line protocol");
      ann.send("PRIVMSG #deck :hello from IRC");
      bob.expect("MSG:deck:ann:hello from IRC");
      bob.call("LEAVE", "OK:LEAVE:deck").call("LIST", "ROOMS:deck");
    }
  }

  /**
   * Sends {@code from} PRIVMSGs to {@code nick}, who quit, until the server answers that there
   * is no such nick. The QUIT came through the channel; the nick's release and the end of the
   * private session come on paths of their own, so a message sent at once may still go into
   * the session that is ending (and be lost, as any line in flight to someone who quits): it
   * gets no answer. Any answer but 401 fails.
   */
  private static void awaitNoSuchNick(IrcClient from, String nick) {
    String noSuchNick = ":irc-node 401 " + from.nick() + " " + nick + " :No such nick/channel";
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
    while (true) {
      List<String> answers = from.send("PRIVMSG " + nick + " :gone?").send("PING :sync").until(" PONG ");
      List<String> before = answers.subList(0, answers.size() - 1);
      assertThat(before).as("answers to a PRIVMSG for %s, who quit", nick).isSubsetOf(noSuchNick);
      if (!before.isEmpty()) {
        return;
      }
      assertThat(System.nanoTime()).as("401 for %s within 10 s", nick).isLessThan(deadline);
    }
  }

  @Test
  void directMessagesQuitAndTheOthersSeeIt() {
    try (IrcClient ann = node.irc("ann"); IrcClient bob = node.irc("bob")) {
      ann.send("PRIVMSG bob :psst");
      assertThat(bob.next()).isEqualTo(":ann!~ann@127.0.0.1 PRIVMSG bob :psst");
      ann.send("NOTICE BOB :case does not matter");
      assertThat(bob.next()).isEqualTo(":ann!~ann@127.0.0.1 NOTICE bob :case does not matter");
      ann.join("#deck");
      bob.join("#deck");
      ann.expect(" JOIN #deck");
      bob.send("QUIT :off to lunch");
      assertThat(bob.untilClosed()).containsExactly("ERROR :Closing link: 127.0.0.1 (Quit)");
      assertThat(ann.next()).isEqualTo(":bob!~bob@127.0.0.1 QUIT :Quit: off to lunch");
      awaitNoSuchNick(ann, "bob");
      try (IrcClient again = node.irc("bob")) { // the nick is free again
        again.expectNothingPending();
      }
    }
  }
}
