package org.sessionchat.chat.irc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sessionchat.chat.testing.ClusteredChat;
import org.sessionchat.chat.testing.IrcClient;
import org.sessionchat.chat.testing.LineClient;

/**
 * A channel spelt in capitals outlives its host node under the same spelling: its members,
 * who joined it in other cases, see it re-created as it was, and one room in any case is
 * what the cluster then has.
 */
class ChannelNameCaseFailoverTest {

  private ClusteredChat chat;

  @BeforeEach
  void start() {
    chat = ClusteredChat.startWithIrc(2);
  }

  @AfterEach
  void stop() {
    chat.close();
  }

  @Test
  void aChannelReCreatedAfterItsNodeDiedKeepsItsCreatorsSpelling() {
    try (IrcClient ann = chat.irc(0, "ann"); IrcClient bob = chat.irc(1, "bob"); IrcClient cat = chat.irc(1, "cat");
        LineClient dan = chat.connect(1, "dan")) {
      ann.join("#Deck"); // the room lives on node0
      bob.send("JOIN #deck");
      assertThat(bob.until(" 366 ").get(0)).isEqualTo(":bob!~bob@127.0.0.1 JOIN #Deck");
      cat.send("JOIN #DECK");
      assertThat(cat.until(" 366 ").get(0)).isEqualTo(":cat!~cat@127.0.0.1 JOIN #Deck");

      chat.kill(0);

      List<String> bobSaw = bob.until("the channel lives on");
      assertThat(bobSaw.get(bobSaw.size() - 1))
          .isEqualTo(":node1 NOTICE #Deck :*** Node node0 hosting #Deck was lost; the channel lives on node1 now"
              + " and you are still in it");
      cat.until("the channel lives on");
      await().atMost(Duration.ofSeconds(15))
          .until(() -> chat.node(1).roomManager().hostedRoom("deck").isPresent());
      assertThat(chat.node(1).roomManager().hostedRoom("DECK").orElseThrow().name()).isEqualTo("Deck");

      bob.send("PRIVMSG #deck :still here");
      assertThat(cat.until("still here")).last().isEqualTo(":bob!~bob@127.0.0.1 PRIVMSG #Deck :still here");
      await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> dan.call("LIST", "ROOMS:Deck"));
      dan.call("CREATE:deck", "ERROR:ROOM_EXISTS:deck").call("JOIN:DECK", "OK:JOIN:Deck");
      assertThat(chat.node(1).roomManager().hostedRoomCount()).isEqualTo(1);
    }
  }
}
