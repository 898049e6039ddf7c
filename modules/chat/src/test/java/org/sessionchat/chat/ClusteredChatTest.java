package org.sessionchat.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sessionchat.chat.testing.ClusteredChat;
import org.sessionchat.chat.testing.LineClient;

/** Two chat nodes in one in-process cluster: one room registry, rooms reachable from every node. */
class ClusteredChatTest {

  private static ClusteredChat chat;

  @BeforeAll
  static void startCluster() {
    chat = ClusteredChat.start(2);
  }

  @AfterAll
  static void stopCluster() {
    chat.close();
  }

  @Test
  void guestNamesAreUniqueInTheCluster() {
    java.util.List<LineClient> clients = new java.util.ArrayList<>();
    try {
      java.util.Set<String> guests = new java.util.HashSet<>();
      for (int i = 0; i < 6; i++) {
        LineClient client = LineClient.connect(chat.node(i % 2).port());
        clients.add(client);
        assertThat(client.welcome()).matches("WELCOME:guest-\\d+:node" + (i % 2));
        guests.add(client.welcome().split(":")[1]);
      }
      assertThat(guests).as("guest names of clients on both nodes").hasSize(6);
    } finally {
      clients.forEach(LineClient::close);
    }
  }

  @Test
  void ofTwoClientsOnTwoNodesCreatingTheSameRoomExactlyOneWins() {
    int rooms = 20;
    try (LineClient a = chat.connect(0, "ann"); LineClient b = chat.connect(1, "bob")) {
      StringBuilder creates = new StringBuilder();
      for (int i = 0; i < rooms; i++) {
        creates.append(i == 0 ? "" : "\n").append("CREATE:race-").append(i);
      }
      a.send(creates.toString());
      b.send(creates.toString());
      List<String> answers = new ArrayList<>();
      for (int i = 0; i < rooms; i++) {
        answers.add(a.next());
        answers.add(b.next());
      }
      for (int i = 0; i < rooms; i++) {
        String room = "race-" + i;
        assertThat(answers).as(room).containsOnlyOnce("OK:CREATE:" + room, "ERROR:ROOM_EXISTS:" + room);
      }
    }
  }

  @Test
  void membersOnDifferentNodesChatInARoomHostedOnOne() {
    try (LineClient ann = chat.connect(0, "ann"); LineClient bob = chat.connect(1, "bob");
        LineClient cat = chat.connect(1, "cat")) {
      ann.call("CREATE:across", "OK:CREATE:across").call("JOIN:across", "OK:JOIN:across");
      bob.call("JOIN:across", "OK:JOIN:across");
      cat.send("LIST");
      assertThat(cat.next().split(":")).startsWith("ROOMS").contains("across");
      cat.call("JOIN:across", "OK:JOIN:across");
      await().atMost(Duration.ofSeconds(10))
          .until(() -> chat.node(0).roomManager().hostedRoom("across").orElseThrow().memberCount() == 3);

      bob.send("CHAT:hello from node1");
      ann.expect("MSG:across:bob:hello from node1");
      cat.expect("MSG:across:bob:hello from node1");
      ann.send("CHAT:hello from node0");
      bob.expect("MSG:across:ann:hello from node0");
      cat.expect("MSG:across:ann:hello from node0");
      cat.call("LEAVE", "OK:LEAVE:across");
    }
  }
}
