package org.sessionchat.chat.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sessionchat.chat.testing.IrcClient;

/**
 * IRC through a real {@code kill -9} of a node, better than a netsplit: a channel whose
 * room was on the dead node is re-created on a survivor and its IRC members stay in it;
 * line members get {@code OFFLINE}; members lost with the node QUIT with its name.
 */
@ExtendWith(ClusterLogsOnFailure.class)
class IrcFailoverIT {

  private static final Duration OFFLINE_WITHIN = Duration.ofSeconds(15);

  @Test
  void aChannelOutlivesItsHostNodeAndItsMembersOnTheDeadNodeQuit() throws Exception {
    try (ScriptedCluster cluster = new ScriptedCluster().start(3);
        IrcClient ann = IrcClient.connect(cluster.ircPort(1), "ann");
        IrcClient bob = IrcClient.connect(cluster.ircPort(2), "bob");
        IrcClient cat = IrcClient.connect(cluster.ircPort(3), "cat");
        ChatConnection dan = ChatConnection.as("dan", cluster.port(2))) {
      ann.join("#deck"); // the room lives on node1
      bob.join("#deck");
      cat.join("#deck");
      bob.join("#side"); // this room lives on node2
      ann.join("#side");
      dan.request("JOIN:deck", "OK:JOIN:deck");
      ann.send("TOPIC #deck :plans for today");
      ann.send("PRIVMSG #deck :before the storm");
      bob.until("PRIVMSG #deck :before the storm");
      cat.until("PRIVMSG #deck :before the storm");
      dan.await("MSG:deck:ann:before the storm", Duration.ofSeconds(10));

      cluster.kill(1);

      dan.await("OFFLINE:deck", OFFLINE_WITHIN);
      List<String> bobSaw = bob.until("the channel lives on");
      List<String> catSaw = cat.until("the channel lives on");
      assertThat(bobSaw.get(bobSaw.size() - 1)).contains(" NOTICE #deck :*** Node node1 hosting #deck was lost");
      assertThat(catSaw.get(catSaw.size() - 1)).contains(" NOTICE #deck :*** Node node1 hosting #deck was lost");
      // ann was on node1: one QUIT naming the node, however many channels she shared
      String quit = ":ann!~ann@127.0.0.1 QUIT :Lost with node node1";
      if (!bobSaw.contains(quit)) { // the QUIT from #side (hosted on node2) may come first or after
        bobSaw = concat(bobSaw, bob.until(quit));
      }
      assertThat(bobSaw).containsOnlyOnce(quit);
      assertThat(cat.until(quit)).containsOnlyOnce(quit);

      // keep chatting in the re-created channel
      bob.send("PRIVMSG #deck :still here");
      List<String> catThen = cat.until("still here");
      assertThat(catThen).last().isEqualTo(":bob!~bob@127.0.0.1 PRIVMSG #deck :still here");
      assertThat(catThen).noneMatch(line -> line.contains(" JOIN ") || line.contains(" QUIT "));
      cat.send("NAMES #deck");
      assertThat(cat.until(" 366 ")).anySatisfy(line -> assertThat(line)
          .isIn(":node3 353 cat = #deck :bob cat", ":node3 353 cat = #deck :cat bob"));
      bob.send("PRIVMSG ann :are you there?");
      assertThat(bob.until(" 401 ")).last().isEqualTo(":node2 401 bob ann :No such nick/channel");
      // the survivor that re-created the room set its topic again
      String topic = null;
      for (int attempt = 0; attempt < 20 && topic == null; attempt++) {
        cat.send("TOPIC #deck");
        List<String> answered = cat.until(" cat #deck :"); // 331 or 332, after any TOPIC shown meanwhile
        String answer = answered.get(answered.size() - 1);
        if (answer.contains(" 332 ")) {
          topic = answer;
        } else {
          Thread.sleep(250);
        }
      }
      assertThat(topic).isEqualTo(":node3 332 cat #deck :plans for today");

      // the line client finds the room again, re-created once
      dan.request("LIST", "ROOMS:deck:side");
      dan.request("JOIN:deck", "OK:JOIN:deck");
      cat.send("PRIVMSG #deck :hello dan");
      dan.await("MSG:deck:cat:hello dan", Duration.ofSeconds(10));
    }
  }

  private static List<String> concat(List<String> a, List<String> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
  }
}
