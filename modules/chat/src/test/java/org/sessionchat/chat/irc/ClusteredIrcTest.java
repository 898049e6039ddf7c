package org.sessionchat.chat.irc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sessionchat.chat.testing.ClusteredChat;
import org.sessionchat.chat.testing.IrcClient;
import org.sessionchat.chat.testing.LineClient;

/** IRC across two clustered nodes: one nick space, channels and private messages across nodes. */
class ClusteredIrcTest {

  private static ClusteredChat cluster;

  @BeforeAll
  static void start() {
    cluster = ClusteredChat.startWithIrc(2);
  }

  @AfterAll
  static void stop() {
    cluster.close();
  }

  @Test
  void aNickTakenOnOneNodeIsInUseOnTheOther() {
    try (IrcClient ann = cluster.irc(0, "ann"); IrcClient other = IrcClient.open(cluster.node(1).ircPort())) {
      other.send("NICK Ann");
      assertThat(other.next()).isEqualTo(":node1 433 * Ann :Nickname is already in use");
      other.send("NICK ann2").send("USER a 0 * :A");
      other.until(" 376 ");
      other.send("NICK ANN");
      assertThat(other.next()).isEqualTo(":node1 433 ann2 ANN :Nickname is already in use");
      ann.send("NICK anna");
      assertThat(ann.next()).isEqualTo(":ann!~ann@127.0.0.1 NICK :anna");
      other.send("NICK ann"); // free again once ann renamed
      assertThat(other.next()).isEqualTo(":ann2!~a@127.0.0.1 NICK :ann");
    }
  }

  @Test
  void aChannelAndPrivateMessagesAcrossNodesWithALineClientInTheRoom() {
    try (IrcClient cat = cluster.irc(0, "cat"); IrcClient dan = cluster.irc(1, "dan");
        LineClient eve = cluster.connect(1, "eve")) {
      cat.join("#across");
      assertThat(dan.join("#across").get(1)).isEqualTo(":node1 353 dan = #across :cat dan");
      assertThat(cat.next()).isEqualTo(":dan!~dan@127.0.0.1 JOIN #across");
      eve.call("JOIN:across", "OK:JOIN:across");
      dan.send("PRIVMSG #across :from node1");
      assertThat(cat.next()).isEqualTo(":dan!~dan@127.0.0.1 PRIVMSG #across :from node1");
      eve.expect("MSG:across:dan:from node1");
      eve.send("CHAT:from the line");
      assertThat(cat.next()).isEqualTo(":eve!~eve@line PRIVMSG #across :from the line");
      assertThat(dan.next()).isEqualTo(":eve!~eve@line PRIVMSG #across :from the line");
      cat.send("PRIVMSG dan :private, across nodes");
      assertThat(dan.next()).isEqualTo(":cat!~cat@127.0.0.1 PRIVMSG dan :private, across nodes");
      dan.send("QUIT");
      dan.untilClosed();
      assertThat(cat.next()).isEqualTo(":dan!~dan@127.0.0.1 QUIT :Quit");
    }
  }

  @Test
  void aChannelIsOneChannelInAnyCaseAcrossNodesShownAsItsCreatorSpeltIt() {
    try (IrcClient fay = cluster.irc(0, "fay"); IrcClient gus = cluster.irc(1, "gus");
        LineClient hal = cluster.connect(1, "hal")) {
      fay.join("#MixedCase");
      gus.send("JOIN #mixedcase");
      assertThat(gus.until(" 366 ")).containsExactly(":gus!~gus@127.0.0.1 JOIN #MixedCase",
          ":node1 353 gus = #MixedCase :fay gus", ":node1 366 gus #MixedCase :End of /NAMES list");
      assertThat(fay.next()).isEqualTo(":gus!~gus@127.0.0.1 JOIN #MixedCase");
      hal.call("JOIN:MIXEDCASE", "OK:JOIN:MixedCase");
      gus.send("PRIVMSG #MIXEDCASE :one room");
      assertThat(fay.next()).isEqualTo(":gus!~gus@127.0.0.1 PRIVMSG #MixedCase :one room");
      hal.expect("MSG:MixedCase:gus:one room");
      assertThat(cluster.node(0).roomManager().hostedRoom("mixedcase")).isPresent();
      assertThat(cluster.node(1).roomManager().hostedRoomCount()).isZero();
    }
  }
}
