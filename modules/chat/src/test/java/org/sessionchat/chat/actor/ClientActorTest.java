package org.sessionchat.chat.actor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sessionchat.chat.actor.ClientEvent.Refusal;
import org.sessionchat.chat.testing.LocalChatNode;
import org.sessionchat.chat.testing.RecordingTransport;
import org.sessionchat.chat.wire.Command;
import org.sessionchat.session.ActorRef;

/**
 * The client actor on a local runtime with the real room manager and rooms, but no socket:
 * its decisions are read as {@link ClientEvent}s from a {@link RecordingTransport}.
 */
class ClientActorTest {

  @AutoClose
  private LocalChatNode node;

  @BeforeEach
  void start() {
    node = LocalChatNode.start("actor-node", true);
  }

  private RecordingTransport client(String nick) throws Exception {
    RecordingTransport transport = new RecordingTransport();
    ActorRef manager = new ActorRef(node.node().runtime().nodeId(), RoomManager.ACTOR_ID);
    node.node().runtime().spawn(ChatProtocol.KIND_CLIENT, new ClientActor(transport, manager, nick, "actor-node"))
        .await(10, TimeUnit.SECONDS);
    assertThat(transport.next()).isEqualTo(new ClientEvent.Welcome(nick, "actor-node"));
    return transport;
  }

  @Test
  void lobbyRoomAndBackWithoutASocket() throws Exception {
    RecordingTransport ann = client("ann");
    RecordingTransport bob = client("bob");
    ann.call(new Command.Create("deck"), new ClientEvent.RoomCreated("deck"))
        .call(new Command.Create("deck"), new ClientEvent.Refused(Refusal.ROOM_EXISTS, "deck"))
        .call(new Command.ListRooms(), new ClientEvent.RoomList(List.of("deck")))
        .call(new Command.Chat("nobody"), new ClientEvent.Refused(Refusal.NOT_IN_ROOM, null))
        .call(new Command.Join("deck"), new ClientEvent.Joined("deck"))
        .call(new Command.ListRooms(), new ClientEvent.Refused(Refusal.IN_ROOM, "deck"));
    bob.call(new Command.Join("nowhere"), new ClientEvent.Refused(Refusal.ROOM_NOT_FOUND, "nowhere"))
        .call(new Command.Join("deck"), new ClientEvent.Joined("deck"))
        .send(new Command.Chat("hi all"));
    assertThat(ann.next()).isEqualTo(new ClientEvent.Message("deck", "bob:hi all"));
    bob.assertQuiet(200);

    bob.call(new Command.Leave(), new ClientEvent.Left("deck"))
        .call(new Command.Nick("rob"), new ClientEvent.NickSet("rob"))
        .call(new Command.Join("deck"), new ClientEvent.Joined("deck"))
        .send(new Command.Chat("back"));
    ClientEvent.Message back = (ClientEvent.Message) ann.next();
    assertThat(back.nick()).isEqualTo("rob");
    assertThat(back.text()).isEqualTo("back");
  }

  @Test
  void aRoomThatStopsIsOfflineAndTheLobbyServesAgain() throws Exception {
    RecordingTransport ann = client("ann");
    ann.call(new Command.Create("deck"), new ClientEvent.RoomCreated("deck"))
        .call(new Command.Join("deck"), new ClientEvent.Joined("deck"));
    node.node().roomManager().hostedRoom("deck").orElseThrow().stop();
    assertThat(ann.next()).isEqualTo(new ClientEvent.RoomOffline("deck"));
    // the room's name is released from the registry as it stops, a moment after its members are told
    await().atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> ann.call(new Command.ListRooms(), new ClientEvent.RoomList(List.of())));
    ann.call(new Command.Create("deck"), new ClientEvent.RoomCreated("deck"))
        .call(new Command.Join("deck"), new ClientEvent.Joined("deck"));
  }

  @Test
  void aClientThatHangsUpLeavesItsRoomAndQuitCloses() throws Exception {
    RecordingTransport ann = client("ann");
    RecordingTransport bob = client("bob");
    ann.call(new Command.Create("deck"), new ClientEvent.RoomCreated("deck"))
        .call(new Command.Join("deck"), new ClientEvent.Joined("deck"));
    bob.call(new Command.Join("deck"), new ClientEvent.Joined("deck"));
    RoomActor room = node.node().roomManager().hostedRoom("deck").orElseThrow();
    await().atMost(Duration.ofSeconds(10)).until(() -> room.memberCount() == 2);

    bob.hangUp();
    await().atMost(Duration.ofSeconds(10)).until(() -> room.memberCount() == 1);
    assertThat(bob.closedWith()).isEqualTo(ClientTransport.CloseReason.ACTOR_STOPPED);

    ann.send(new Command.Quit());
    assertThat(ann.closedWith()).isEqualTo(ClientTransport.CloseReason.CLIENT_QUIT);
  }
}
