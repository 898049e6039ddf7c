package org.sessionchat.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sessionchat.chat.actor.RoomActor;
import org.sessionchat.chat.testing.LineClient;
import org.sessionchat.chat.testing.LocalChatNode;

/** Rooms on one node, over TCP: broadcast, order, leaving, disconnecting, a room that fails. */
class ChatRoomEndToEndTest {

  private LocalChatNode node;
  private final List<LineClient> clients = new ArrayList<>();

  @BeforeEach
  void startNode() {
    node = LocalChatNode.start("room-node", true);
  }

  @AfterEach
  void stopNode() throws Exception {
    clients.forEach(LineClient::close);
    node.close();
  }

  private LineClient member(String nick, String room) {
    LineClient client = node.connect(nick);
    clients.add(client);
    client.call("JOIN:" + room, "OK:JOIN:" + room);
    return client;
  }

  private void createRoom(String room) {
    try (LineClient creator = node.connect("creator")) {
      creator.call("CREATE:" + room, "OK:CREATE:" + room);
    }
  }

  private void awaitMembers(String room, int count) {
    await().atMost(Duration.ofSeconds(5)).until(() -> room(room).memberCount() == count);
  }

  private RoomActor room(String name) {
    return node.node().roomManager().hostedRoom(name).orElseThrow();
  }

  @Test
  void relaysAMessageToEveryOtherMemberButNotTheSender() {
    createRoom("talk");
    LineClient ann = member("ann", "talk");
    LineClient bob = member("bob", "talk");
    LineClient cat = member("cat", "talk");
    awaitMembers("talk", 3);

    ann.send("CHAT:hello: all");
    bob.expect("MSG:talk:ann:hello: all");
    cat.expect("MSG:talk:ann:hello: all");
    bob.send("CHAT:hi ann");
    // had ann got her own line back, it would come before bob's answer
    ann.expect("MSG:talk:bob:hi ann");
    cat.expect("MSG:talk:bob:hi ann");
  }

  @Test
  void deliversEachSendersMessagesInOrderWhileManyTalkAtOnce() {
    createRoom("busy");
    int members = 6;
    int perSender = 50;
    List<LineClient> all = new ArrayList<>();
    for (int i = 0; i < members; i++) {
      all.add(member("m" + i, "busy"));
    }
    awaitMembers("busy", members);

    for (int n = 0; n < perSender; n++) {
      for (int i = 0; i < members; i++) {
        all.get(i).send("CHAT:" + n);
      }
    }
    for (int i = 0; i < members; i++) {
      int[] nextFrom = new int[members];
      for (int line = 0; line < (members - 1) * perSender; line++) {
        String[] fields = all.get(i).next().split(":");
        assertThat(fields[0] + ":" + fields[1]).isEqualTo("MSG:busy");
        int sender = Integer.parseInt(fields[2].substring(1));
        assertThat(sender).as("member %d got its own message", i).isNotEqualTo(i);
        assertThat(Integer.parseInt(fields[3])).as("order of m%d's messages at m%d", sender, i).isEqualTo(nextFrom[sender]++);
      }
    }
  }

  @Test
  void aMemberCanLeaveAndJoinAnotherRoom() {
    createRoom("first");
    createRoom("second");
    LineClient ann = member("ann", "first");
    LineClient bob = member("bob", "first");
    LineClient cat = member("cat", "second");

    ann.call("LEAVE", "OK:LEAVE:first").call("JOIN:second", "OK:JOIN:second");
    awaitMembers("first", 1);
    awaitMembers("second", 2);
    bob.send("CHAT:anyone?");
    cat.send("CHAT:welcome ann");
    ann.expect("MSG:second:cat:welcome ann");
    ann.expectNothingPending();
  }

  @Test
  void aDisconnectedClientIsDroppedAndTheOthersGoOn() {
    createRoom("drop");
    LineClient ann = member("ann", "drop");
    LineClient bob = member("bob", "drop");
    LineClient cat = member("cat", "drop");
    awaitMembers("drop", 3);

    cat.close();
    awaitMembers("drop", 2);
    ann.send("CHAT:still here");
    bob.expect("MSG:drop:ann:still here");
    assertThat(node.node().connectionCount()).isEqualTo(2);
  }

  @Test
  void membersOfAFailedRoomAreToldItIsOfflineAndItsNameIsFree() throws Exception {
    createRoom("doomed");
    LineClient ann = member("ann", "doomed");
    LineClient bob = member("bob", "doomed");
    awaitMembers("doomed", 2);

    room("doomed").stop().await(5, TimeUnit.SECONDS);

    ann.expect("OFFLINE:doomed");
    bob.expect("OFFLINE:doomed");
    ann.call("LIST", "ROOMS");
    ann.call("CREATE:doomed", "OK:CREATE:doomed");
    bob.call("JOIN:doomed", "OK:JOIN:doomed");
  }

  @Test
  void aClientThatStopsReadingIsDisconnectedAndTheRoomGoesOn() {
    createRoom("flood");
    LineClient sleeper = member("sleeper", "flood"); // never reads from here on
    LineClient talker = member("talker", "flood");
    LineClient reader = member("reader", "flood");
    awaitMembers("flood", 3);

    String text = "y".repeat(4000);
    int lines = 0;
    while (room("flood").memberCount() == 3 && lines < 20_000) {
      talker.send("CHAT:" + text);
      assertThat(reader.next()).isEqualTo("MSG:flood:talker:" + text);
      lines++;
    }
    assertThat(room("flood").memberCount()).as("after %d lines", lines).isEqualTo(2);
    talker.send("CHAT:done");
    reader.expect("MSG:flood:talker:done");
    sleeper.close();
  }

  @Test
  void closingTheNodeSaysByeToEveryClient() throws Exception {
    createRoom("closing");
    LineClient ann = member("ann", "closing");
    LineClient bob = node.connect("bob");
    clients.add(bob);

    node.node().close().await(10, TimeUnit.SECONDS);

    ann.expect("BYE").expectClosed();
    bob.expect("BYE").expectClosed();
  }
}
