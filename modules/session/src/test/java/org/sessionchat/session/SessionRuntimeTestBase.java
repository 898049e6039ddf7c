package org.sessionchat.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.DeliveryContext;
import io.vertx.core.eventbus.ReplyException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.awaitility.core.ThrowingRunnable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sessionchat.session.testkit.ClusteredVertxNodes;
import org.sessionchat.session.testkit.ProbeActor;
import org.sessionchat.session.testkit.TestProtocols;
import org.sessionchat.session.wire.Envelope;

/**
 * The behaviour of the session runtime, written once and run on a single Vert.x
 * ({@link LocalSessionRuntimeTest}) and across a Hazelcast cluster
 * ({@link ClusteredSessionRuntimeTest}): the initiator lives on node 0, its peers on node 1.
 */
abstract class SessionRuntimeTestBase {

  protected SessionRuntime initiatorNode;
  protected SessionRuntime peerNode;

  /** The Vert.x of node {@code i} (0 or 1); the same instance twice when not clustered. */
  protected abstract Vertx vertx(int i);

  @BeforeEach
  void startRuntimes() {
    initiatorNode = sync(SessionRuntime.start(vertx(0), options(0)));
    peerNode = vertx(1) == vertx(0) ? initiatorNode : sync(SessionRuntime.start(vertx(1), options(1)));
  }

  @AfterEach
  void closeRuntimes() {
    if (peerNode != null && peerNode != initiatorNode) {
      sync(peerNode.close());
    }
    if (initiatorNode != null) {
      sync(initiatorNode.close());
    }
  }

  protected SessionRuntimeOptions options() {
    return new SessionRuntimeOptions(TestProtocols.library(), TestProtocols.roles(), true, Duration.ofSeconds(5));
  }

  /** The options of node {@code i}'s runtime (e.g. with that node's own certificate). */
  protected SessionRuntimeOptions options(int node) {
    return options();
  }

  // ------------------------------------------------------------------ set-up and messages

  @Test
  void everyParticipantIsToldWhenTheSessionIsEstablished() {
    ProbeActor pinger = probe(initiatorNode);
    ProbeActor ponger = probe(peerNode);

    Conversation conversation = sync(pinger.context().startSession("PingPong", "Pinger", Map.of("Ponger", ponger.ref())));

    assertThat(conversation.isActive()).isTrue();
    assertThat(conversation.participant("Ponger")).isEqualTo(ponger.ref());
    assertThat(pinger.events()).containsExactly("established PingPong/Pinger");
    eventually(() -> assertThat(ponger.events()).containsExactly("established PingPong/Ponger"));
    assertThat(ponger.conversation("PingPong").sessionId()).isEqualTo(conversation.sessionId());
    assertThat(initiatorNode.metrics().sessionsStarted()).containsEntry("PingPong", 1L);
  }

  @Test
  void theOnlyInviteeIsEstablishedBeforeTheInitiatorHearsSo() {
    ProbeActor pinger = probe(initiatorNode);
    ProbeActor ponger = probe(peerNode);

    // Read the invitee's events at the very moment the initiator's future completes: an
    // invitee told later could miss what a third party sends it on the initiator's word.
    List<String> inviteeEventsAtCompletion = sync(pinger.context()
        .startSession("PingPong", "Pinger", Map.of("Ponger", ponger.ref()))
        .map(conversation -> List.copyOf(ponger.events())));

    assertThat(inviteeEventsAtCompletion).containsExactly("established PingPong/Ponger");
  }

  @Test
  void messagesFlowBothWaysUntilTheSessionCompletesForBothSides() {
    ProbeActor ponger = probe(peerNode).onReceive((conversation, message) -> {
      if (message.label().equals("ping")) {
        conversation.send("Pinger", "pong", message.payload().get(0));
      }
    });
    AtomicLong pongs = new AtomicLong();
    ProbeActor pinger = probe(initiatorNode).onReceive((conversation, message) -> {
      long n = pongs.incrementAndGet();
      if (n < 3) {
        conversation.send("Ponger", "ping", n + 1);
      } else {
        conversation.send("Ponger", "bye");
      }
    });
    Conversation conversation = sync(pinger.context().startSession("PingPong", "Pinger", Map.of("Ponger", ponger.ref())));

    sync(conversation.send("Ponger", "ping", 1));

    eventually(() -> assertThat(ponger.events()).contains("ended PingPong/Ponger COMPLETED"));
    eventually(() -> assertThat(pinger.events()).contains("ended PingPong/Pinger COMPLETED"));
    assertThat(ponger.events()).containsExactly("established PingPong/Ponger", "received PingPong/Ponger ping[1]",
        "received PingPong/Ponger ping[2]", "received PingPong/Ponger ping[3]", "received PingPong/Ponger bye[]",
        "ended PingPong/Ponger COMPLETED");
    assertThat(pinger.events()).containsExactly("established PingPong/Pinger", "received PingPong/Pinger pong[1]",
        "received PingPong/Pinger pong[2]", "received PingPong/Pinger pong[3]", "ended PingPong/Pinger COMPLETED");
    assertThat(conversation.isActive()).isFalse();
    assertThatThrownBy(() -> sync(conversation.send("Ponger", "ping", 9))).isInstanceOf(IllegalStateException.class);
    assertThat(initiatorNode.metrics().violationCount() + peerNode.metrics().violationCount()).isZero();
  }

  @Test
  void parBranchesMayInterleaveInAnyOrder() {
    ProbeActor left = probe(initiatorNode);
    ProbeActor right = probe(peerNode);
    Conversation leftSide = sync(left.context().startSession("Duplex", "Left", Map.of("Right", right.ref())));
    eventually(() -> assertThat(right.events()).contains("established Duplex/Right"));
    Conversation rightSide = right.conversation("Duplex");

    // both sides send everything at once: each receives while it is half-way through its own branch
    sync(rightSide.send("Left", "c", 3));
    sync(leftSide.send("Right", "a", 1));
    sync(rightSide.send("Left", "d", 4));
    sync(leftSide.send("Right", "b", 2));

    eventually(() -> assertThat(left.events()).contains("ended Duplex/Left COMPLETED"));
    eventually(() -> assertThat(right.events()).contains("ended Duplex/Right COMPLETED"));
    assertThat(left.events()).contains("received Duplex/Left c[3]", "received Duplex/Left d[4]");
    assertThat(right.events()).contains("received Duplex/Right a[1]", "received Duplex/Right b[2]");
  }

  // ------------------------------------------------------------------ violations

  @Test
  void anOutOfOrderMessageIsRefusedAndTheSessionStaysUsable() {
    ProbeActor pinger = probe(initiatorNode);
    ProbeActor ponger = probe(peerNode);
    Conversation conversation = sync(pinger.context().startSession("PingPong", "Pinger", Map.of("Ponger", ponger.ref())));
    eventually(() -> assertThat(ponger.events()).contains("established PingPong/Ponger"));

    assertViolation(() -> sync(ponger.conversation("PingPong").send("Pinger", "pong", 1)), "pong");
    assertViolation(() -> sync(conversation.send("Ponger", "pong", 1)), "pong");

    sync(conversation.send("Ponger", "ping", 7));
    eventually(() -> assertThat(ponger.events()).contains("received PingPong/Ponger ping[7]"));
    assertThat(ponger.events()).noneMatch(line -> line.contains("pong"));
    assertThat(pinger.events()).noneMatch(line -> line.contains("pong"));
    assertThat(initiatorNode.metrics().violations()).containsEntry("PingPong/Pinger/pong", 1L);
    assertThat(peerNode.metrics().violations()).containsEntry("PingPong/Ponger/pong", 1L);
  }

  @Test
  void aMessageToTheWrongRoleOrWithAnUnknownLabelOrArityIsRefused() {
    ProbeActor left = probe(initiatorNode);
    ProbeActor right = probe(peerNode);
    Conversation conversation = sync(left.context().startSession("Duplex", "Left", Map.of("Right", right.ref())));

    assertViolation(() -> sync(conversation.send("Left", "a", 1)), "a");
    assertViolation(() -> sync(conversation.send("Nobody", "a", 1)), "a");
    assertViolation(() -> sync(conversation.send("Right", "zzz", 1)), "zzz");
    assertViolation(() -> sync(conversation.send("Right", "a")), "a");
    assertViolation(() -> sync(conversation.send("Right", "b", 2)), "b");

    sync(conversation.send("Right", "a", 1));
    eventually(() -> assertThat(right.events()).contains("received Duplex/Right a[1]"));
    assertThat(right.events()).containsExactly("established Duplex/Right", "received Duplex/Right a[1]");
  }

  @Test
  void envelopesForgedStraightOnTheBusAreRefusedAndNeverDelivered() {
    ProbeActor pinger = probe(initiatorNode);
    ProbeActor ponger = probe(peerNode);
    Conversation conversation = sync(pinger.context().startSession("PingPong", "Pinger", Map.of("Ponger", ponger.ref())));
    eventually(() -> assertThat(ponger.events()).contains("established PingPong/Ponger"));
    String sid = conversation.sessionId();
    String to = ponger.ref().actorId();
    String from = pinger.ref().actorId();
    String nodeAddress = "sessionchat.node." + ponger.ref().nodeId();
    String actorAddress = "sessionchat.actor." + to;
    List<Envelope> forged = List.of(
        Envelope.message(to, from, sid, "PingPong", "Pinger", "Ponger", "pong", List.of(1L)),     // wrong label
        Envelope.message(to, from, sid, "PingPong", "Ponger", "Pinger", "ping", List.of(1L)),     // wrong role
        Envelope.message(to, from, "stale-session", "PingPong", "Pinger", "Ponger", "ping", List.of(1L)),
        Envelope.message(to, from, sid, "PingPong", "Pinger", "Ponger", "ping", List.of(1L)));    // legal, but not from its actor
    long refusedBefore = initiatorNode.metrics().violationCount();

    // put on node 0's bus by a test thread, not through the runtime: the outbound interceptor refuses each
    for (Envelope envelope : forged) {
      vertx(0).eventBus().send(nodeAddress, envelope);
      vertx(0).eventBus().send(actorAddress, envelope);
    }
    Throwable answer = catchThrowable(() -> sync(vertx(0).eventBus().request(nodeAddress, forged.get(3))));

    assertThat(answer).as("a forger who asks is told").isInstanceOf(ReplyException.class)
        .hasMessageContaining("NOT_ITS_ACTOR");
    eventually(() -> assertThat(initiatorNode.metrics().violationCount() - refusedBefore).isEqualTo(9));
    // the real actors go on: the first legal message is delivered, and it is the first thing Ponger received
    sync(conversation.send("Ponger", "ping", 7));
    eventually(() -> assertThat(ponger.events()).contains("received PingPong/Ponger ping[7]"));
    assertThat(ponger.events()).containsExactly("established PingPong/Ponger", "received PingPong/Ponger ping[7]");
  }

  @Test
  void somethingThatIsNotAnEnvelopeIsCountedAndDropped() {
    vertx(0).eventBus().send("sessionchat.node." + peerNode.nodeId(), "garbage");

    eventually(() -> assertThat(peerNode.metrics().malformedMessages()).isEqualTo(1));
    ProbeActor pinger = probe(initiatorNode);
    ProbeActor ponger = probe(peerNode);
    sync(pinger.context().startSession("PingPong", "Pinger", Map.of("Ponger", ponger.ref())));
  }

  private static void assertViolation(ThrowingCallable send, String label) {
    assertThatThrownBy(send).isInstanceOfSatisfying(ProtocolViolationException.class,
        violation -> assertThat(violation.label()).isEqualTo(label));
  }

  // ------------------------------------------------------------------ set-up failures

  @Test
  void setUpFailsWhenAnInviteeIsUnknownRefusesOrMayNotPlayTheRole() {
    ProbeActor pinger = probe(initiatorNode);
    ProbeActor refuser = probe(peerNode).accepting(false);
    ActorRef bystander = sync(peerNode.spawn(TestProtocols.BYSTANDER, new ProbeActor()));
    ActorRef unknown = new ActorRef(peerNode.nodeId(), "nobody");
    ActorRef goneNode = new ActorRef("no-such-node", "nobody");

    for (ActorRef invitee : List.of(refuser.ref(), bystander, unknown, goneNode)) {
      assertThatThrownBy(() -> sync(pinger.context().startSession("PingPong", "Pinger", Map.of("Ponger", invitee))))
          .isInstanceOf(SessionSetupException.class)
          .hasMessageContaining(invitee.toString());
    }
    assertThatThrownBy(() -> sync(pinger.context().startSession("PingPong", "Pinger", Map.of())))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[Pinger, Ponger]");
    assertThatThrownBy(() -> sync(pinger.context().startSession("NoSuch", "Pinger", Map.of())))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown protocol");
    assertThat(pinger.events()).isEmpty();
    assertThat(refuser.events()).isEmpty();
  }

  // ------------------------------------------------------------------ sub-sessions

  @Test
  void aSubSessionThatCompletesResumesItsParentInTheSuccessBlock() {
    Lobby lobby = lobby(peerNode);
    Conversation game = sync(lobby.parent.initiate("Game", Map.of("Dealer", lobby.dealer.ref())));
    eventually(() -> assertThat(lobby.dealer.events()).contains("established Game/Dealer"));

    assertThatThrownBy(() -> sync(lobby.parent.send("Desk", "seat")))
        .as("the parent waits while the sub-session runs").isInstanceOf(ProtocolViolationException.class);
    sync(lobby.dealer.conversation("Game").send("Player", "card", 10));
    eventually(() -> assertThat(lobby.player.events()).contains("received Game/Player card[10]"));
    sync(game.send("Dealer", "fold"));

    assertThat(lobby.player.events()).endsWith("ended Game/Player COMPLETED");
    assertParentResumed(lobby);
  }

  @Test
  void aSubSessionWhosePeerStopsResumesItsParentInTheHandleBlock() {
    Lobby lobby = lobby(peerNode);
    sync(lobby.parent.initiate("Game", Map.of("Dealer", lobby.dealer.ref())));
    eventually(() -> assertThat(lobby.dealer.events()).contains("established Game/Dealer"));

    sync(lobby.dealer.context().stop());

    eventually(() -> assertThat(lobby.player.events()).contains("ended Game/Player PARTICIPANT_OFFLINE"));
    assertThat(lobby.dealer.events()).containsSubsequence("ended Game/Dealer LOCAL_STOP", "stopped");
    assertParentResumed(lobby);
    assertThat(lobby.player.count("ended Game/Player PARTICIPANT_OFFLINE")).isEqualTo(1);
  }

  @Test
  void aSubSessionThatCannotBeSetUpFailsAndResumesItsParentInTheHandleBlock() {
    Lobby lobby = lobby(peerNode);

    assertThatThrownBy(() -> sync(lobby.parent.initiate("Game",
        Map.of("Dealer", new ActorRef(peerNode.nodeId(), "no-dealer"))))).isInstanceOf(SessionSetupException.class);

    assertThat(lobby.player.events()).noneMatch(line -> line.contains("Game/"));
    assertParentResumed(lobby);
  }

  @Test
  void aSubSessionMayOnlyBeStartedWhereTheProtocolInitiatesIt() {
    ProbeActor player = probe(initiatorNode);
    ProbeActor desk = probe(peerNode);
    ProbeActor dealer = probe(peerNode);
    Conversation parent = sync(player.context().startSession("Lobby", "Player", Map.of("Desk", desk.ref())));

    assertThatThrownBy(() -> sync(parent.initiate("Game", Map.of("Dealer", dealer.ref()))))
        .isInstanceOf(ProtocolViolationException.class);
    assertThat(dealer.events()).isEmpty();
  }

  /** A Player (node 0) in a Lobby session with a Desk, in the initiates state; a Dealer on {@code dealerNode}. */
  private record Lobby(ProbeActor player, ProbeActor desk, ProbeActor dealer, Conversation parent) {}

  private Lobby lobby(SessionRuntime dealerNode) {
    ProbeActor desk = probe(peerNode).onReceive((conversation, message) -> {
      if (message.label().equals("seat")) {
        conversation.send("Player", "table", "dealer-address");
      }
    });
    ProbeActor player = probe(initiatorNode);
    ProbeActor dealer = probe(dealerNode);
    Conversation parent = sync(player.context().startSession("Lobby", "Player", Map.of("Desk", desk.ref())));
    sync(parent.send("Desk", "seat"));
    eventually(() -> assertThat(player.events()).contains("received Lobby/Player table[dealer-address]"));
    return new Lobby(player, desk, dealer, parent);
  }

  /** The parent is back at its loop head: it can seat again and quit, which completes it. */
  private void assertParentResumed(Lobby lobby) {
    sync(lobby.parent.send("Desk", "quit"));
    eventually(() -> assertThat(lobby.desk.events()).contains("ended Lobby/Desk COMPLETED"));
    assertThat(lobby.player.events()).endsWith("ended Lobby/Player COMPLETED");
  }

  // ------------------------------------------------------------------ ending

  @Test
  void aStoppedActorEndsItsSessionsAndItsPeersAreToldOnce() {
    ProbeActor pinger = probe(initiatorNode);
    ProbeActor ponger = probe(peerNode);
    sync(pinger.context().startSession("PingPong", "Pinger", Map.of("Ponger", ponger.ref())));
    eventually(() -> assertThat(ponger.events()).contains("established PingPong/Ponger"));

    sync(ponger.context().stop());

    assertThat(ponger.events()).containsExactly("established PingPong/Ponger", "ended PingPong/Ponger LOCAL_STOP",
        "stopped");
    eventually(() -> assertThat(pinger.events()).contains("ended PingPong/Pinger PARTICIPANT_OFFLINE"));
    assertThat(pinger.count("ended PingPong/Pinger PARTICIPANT_OFFLINE")).isEqualTo(1);
    assertThat(initiatorNode.metrics().participantOffline()).isEqualTo(1);
  }

  @Test
  void undeployingTheVerticleThatSpawnedAnActorStopsIt() {
    ProbeActor pinger = probe(initiatorNode);
    ProbeActor ponger = new ProbeActor();
    String deployment = sync(vertx(1).deployVerticle(new VerticleBase() {
      @Override
      public Future<?> start() {
        return peerNode.spawn(TestProtocols.PROBE, ponger);
      }
    }));
    sync(pinger.context().startSession("PingPong", "Pinger", Map.of("Ponger", ponger.ref())));
    eventually(() -> assertThat(ponger.events()).contains("established PingPong/Ponger"));

    sync(vertx(1).undeploy(deployment));

    assertThat(ponger.events()).containsExactly("established PingPong/Ponger", "ended PingPong/Ponger LOCAL_STOP",
        "stopped");
    eventually(() -> assertThat(pinger.events()).containsExactly("established PingPong/Pinger",
        "ended PingPong/Pinger PARTICIPANT_OFFLINE"));
  }

  @Test
  void anActorThatCrashesEndsItsSessionsAndGetsNoMoreCallbacks() {
    ProbeActor pinger = probe(initiatorNode);
    ProbeActor ponger = probe(peerNode).crashOn("ping");
    Conversation conversation = sync(pinger.context().startSession("PingPong", "Pinger", Map.of("Ponger", ponger.ref())));

    sync(conversation.send("Ponger", "ping", 1));

    eventually(() -> assertThat(pinger.events()).contains("ended PingPong/Pinger PARTICIPANT_OFFLINE"));
    assertThat(ponger.events()).containsExactly("established PingPong/Ponger", "received PingPong/Ponger ping[1]");
    assertThat(sync(peerNode.spawn(TestProtocols.PROBE, ponger.ref().actorId(), new ProbeActor())))
        .as("the crashed actor's id is free again").isEqualTo(ponger.ref());
  }

  @Test
  void anActorThatCrashesWhileStartingIsNotSpawned() {
    SessionActor broken = new ProbeActor() {
      @Override
      public void started(ActorContext context) {
        throw new IllegalStateException("cannot start");
      }
    };

    assertThatThrownBy(() -> sync(peerNode.spawn(TestProtocols.PROBE, "broken", broken)))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("crashed in started()");
    assertThat(sync(peerNode.spawn(TestProtocols.PROBE, "broken", new ProbeActor())).actorId()).isEqualTo("broken");
  }

  @Test
  void aParticipantNoLongerNeededMayLeaveWithoutEndingTheSession() {
    ProbeActor source = probe(initiatorNode);
    ProbeActor hub = probe(peerNode);
    ProbeActor sink = probe(initiatorNode);
    Conversation sourceSide = sync(source.context().startSession("Relay", "Source",
        Map.of("Hub", hub.ref(), "Sink", sink.ref())));

    sync(sourceSide.send("Hub", "hello", 1));
    assertThat(source.events()).endsWith("ended Relay/Source COMPLETED");
    sync(source.context().stop());
    eventually(() -> assertThat(hub.events()).contains("received Relay/Hub hello[1]"));
    sync(hub.conversation("Relay").send("Sink", "item", 2));
    eventually(() -> assertThat(sink.events()).contains("received Relay/Sink item[2]"));

    sync(sink.context().stop());
    eventually(() -> assertThat(hub.events()).endsWith("ended Relay/Hub PARTICIPANT_OFFLINE"));
    assertThat(hub.events()).noneMatch(line -> line.contains("ended") && !line.contains("PARTICIPANT_OFFLINE"));
  }

  @Test
  void messagesThatArriveAfterTheSessionEndedAreCountedAsLateNotAsViolations() {
    ProbeActor room = probe(peerNode).onReceive((conversation, message) -> {
      if (message.label().equals("outgoingChatMessage")) {
        for (int i = 0; i < 5; i++) {
          conversation.send("ClientThread", "incomingChatMessage", "n:" + i);
        }
      }
    });
    ProbeActor client = probe(initiatorNode).onReceive((conversation, message) -> {
      if (message.label().equals("incomingChatMessage")) {
        conversation.send("ChatRoom", "leaveRoom");
      }
    });
    Conversation session = sync(client.context().startSession("ChatSession", "ClientThread",
        Map.of("ChatRoom", room.ref())));

    sync(session.send("ChatRoom", "outgoingChatMessage", "hi"));

    eventually(() -> assertThat(room.events()).contains("ended ChatSession/ChatRoom COMPLETED"));
    eventually(() -> assertThat(initiatorNode.metrics().lateMessages()).isEqualTo(4));
    assertThat(client.events()).containsExactly("established ChatSession/ClientThread",
        "received ChatSession/ClientThread incomingChatMessage[n:0]", "ended ChatSession/ClientThread COMPLETED");
    assertThat(initiatorNode.metrics().violationCount() + peerNode.metrics().violationCount()).isZero();
  }

  @Test
  void closingTheRuntimeStopsItsActorsAndTellsTheirPeers() {
    ProbeActor pinger = probe(initiatorNode);
    ProbeActor ponger = probe(peerNode);
    sync(pinger.context().startSession("PingPong", "Pinger", Map.of("Ponger", ponger.ref())));
    eventually(() -> assertThat(ponger.events()).contains("established PingPong/Ponger"));

    sync(initiatorNode.close());

    assertThat(pinger.events()).endsWith("stopped").filteredOn(line -> line.startsWith("ended")).hasSize(1);
    if (peerNode != initiatorNode) {
      assertThat(pinger.events()).containsExactly("established PingPong/Pinger", "ended PingPong/Pinger LOCAL_STOP",
          "stopped");
      eventually(() -> assertThat(ponger.events()).containsExactly("established PingPong/Ponger",
          "ended PingPong/Ponger PARTICIPANT_OFFLINE"));
    }
  }

  @Test
  void closingTheRuntimePutsNoEndNoticeBetweenItsOwnActorsOnTheBus() {
    ProbeActor pinger = probe(initiatorNode);
    ProbeActor ponger = probe(initiatorNode);
    sync(pinger.context().startSession("PingPong", "Pinger", Map.of("Ponger", ponger.ref())));
    eventually(() -> assertThat(ponger.events()).contains("established PingPong/Ponger"));
    List<String> ends = new CopyOnWriteArrayList<>();
    Handler<DeliveryContext<Object>> recordEnds = delivery -> {
      if (delivery.body() instanceof Envelope envelope && envelope.kind() == Envelope.Kind.END) {
        ends.add(envelope.sourceActor() + " -> " + envelope.targetActor());
      }
      delivery.next();
    };
    vertx(0).eventBus().addOutboundInterceptor(recordEnds);
    try {
      sync(initiatorNode.close());
    } finally {
      vertx(0).eventBus().removeOutboundInterceptor(recordEnds);
    }

    // both were stopping: a notice would only reach a consumer going away
    assertThat(ends).as("end notices sent while the runtime closed").isEmpty();
    assertThat(pinger.events()).containsExactly("established PingPong/Pinger", "ended PingPong/Pinger LOCAL_STOP",
        "stopped");
    assertThat(ponger.events()).containsExactly("established PingPong/Ponger", "ended PingPong/Ponger LOCAL_STOP",
        "stopped");
  }

  // ------------------------------------------------------------------ the chat protocols

  @Test
  void theChatProtocolsRunWithTheChatRoleConfiguration() {
    ProbeActor room = new ProbeActor().onReceive((conversation, message) -> {
      if (message.label().equals("outgoingChatMessage")) {
        conversation.send("ClientThread", "incomingChatMessage", "echo:" + message.string(0));
      }
    });
    ActorRef roomRef = sync(peerNode.spawn("ChatRoom", room));
    ProbeActor manager = new ProbeActor().onReceive((conversation, message) -> {
      switch (message.label()) {
        case "lookupRoom" -> conversation.send("ClientThread", "roomPID", message.string(0), roomRef.toString());
        case "listRooms" -> conversation.send("ClientThread", "roomList", List.of("tea"));
        default -> conversation.send("ClientThread", "roomExists", message.string(0));
      }
    });
    ActorRef managerRef = sync(peerNode.spawn("RoomManager", "room-manager", manager));
    ProbeActor client = new ProbeActor();
    sync(initiatorNode.spawn("ChatClient", client));
    ActorContext actor = client.context();

    assertThatThrownBy(() -> sync(actor.startSession("ChatSession", "ChatRoom", Map.of("ClientThread", roomRef))))
        .as("a ChatClient may not play ChatRoom").isInstanceOf(IllegalArgumentException.class);
    actor.register("main_thread", sync(actor.startSession("ChatServer", "ClientThread",
        Map.of("RoomRegistry", managerRef))));
    actor.become("main_thread", lobby -> lobby.send("RoomRegistry", "lookupRoom", "tea"));
    eventually(() -> assertThat(client.events()).contains("received ChatServer/ClientThread roomPID[tea, " + roomRef + "]"));
    actor.register("chat_session", sync(actor.conversation("main_thread").orElseThrow()
        .initiate("ChatSession", Map.of("ChatRoom", ActorRef.parse(roomRef.toString())))));

    assertThatThrownBy(() -> sync(actor.conversation("main_thread").orElseThrow().send("RoomRegistry", "listRooms")))
        .as("lobby commands wait while in a room").isInstanceOf(ProtocolViolationException.class);
    assertThat(actor.become("chat_session", chat -> chat.send("ChatRoom", "outgoingChatMessage", "hello"))).isTrue();
    eventually(() -> assertThat(client.events())
        .contains("received ChatSession/ClientThread incomingChatMessage[echo:hello]"));
    sync(actor.conversation("chat_session").orElseThrow().send("ChatRoom", "leaveRoom"));

    assertThat(actor.become("chat_session", chat -> { })).as("the room session is over").isFalse();
    assertThat(client.events()).endsWith("ended ChatSession/ClientThread COMPLETED");
    actor.become("main_thread", lobby -> lobby.send("RoomRegistry", "listRooms"));
    eventually(() -> assertThat(client.events()).endsWith("received ChatServer/ClientThread roomList[[tea]]"));
    eventually(() -> assertThat(room.events()).endsWith("ended ChatSession/ChatRoom COMPLETED"));
  }

  // ------------------------------------------------------------------ observing

  @Test
  void anObserverOfNoStepsIsCalledForNoneYetSnapshotsShowTheStateCountsAndLastStep() throws Exception {
    List<String> steps = new java.util.concurrent.CopyOnWriteArrayList<>();
    AutoCloseable quiet = peerNode.observe(new SessionObserver() {
      @Override
      public boolean observesSteps() {
        return false;
      }

      @Override
      public void stepped(String sessionId, String role, boolean sent, String peerRole, String label, String state) {
        steps.add("quiet " + label);
      }
    });
    ProbeActor ponger = probe(peerNode).onReceive((conversation, message) ->
        conversation.send("Pinger", "pong", message.payload().get(0)));
    ProbeActor pinger = probe(initiatorNode);
    Conversation conversation = sync(pinger.context().startSession("PingPong", "Pinger", Map.of("Ponger", ponger.ref())));
    sync(conversation.send("Ponger", "ping", 1));
    eventually(() -> assertThat(pinger.events()).contains("received PingPong/Pinger pong[1]"));
    AutoCloseable loud = peerNode.observe(new SessionObserver() {
      @Override
      public void stepped(String sessionId, String role, boolean sent, String peerRole, String label, String state) {
        steps.add("loud " + role + " " + (sent ? "sent " : "received ") + label + " in " + state);
      }
    });
    sync(conversation.send("Ponger", "ping", 2));
    eventually(() -> assertThat(pinger.events()).contains("received PingPong/Pinger pong[2]"));
    loud.close();
    sync(conversation.send("Ponger", "ping", 3));
    eventually(() -> assertThat(pinger.events()).contains("received PingPong/Pinger pong[3]"));
    quiet.close();

    assertThat(steps).noneMatch(step -> step.startsWith("quiet")).anyMatch(step -> step.startsWith("loud Ponger"))
        .noneMatch(step -> step.contains("[3]"));
    SessionSnapshot pongerSide = sync(peerNode.sessions()).stream()
        .filter(s -> s.sessionId().equals(conversation.sessionId()) && s.role().equals("Ponger")).findFirst().orElseThrow();
    assertThat(pongerSide.messagesIn()).isEqualTo(3);
    assertThat(pongerSide.messagesOut()).isEqualTo(3);
    assertThat(pongerSide.lastStep()).isEqualTo(SessionSnapshot.Step.SENT);
    assertThat(pongerSide.lastLabel()).isEqualTo("pong");
    SessionSnapshot pingerSide = sync(initiatorNode.sessions()).stream()
        .filter(s -> s.sessionId().equals(conversation.sessionId()) && s.role().equals("Pinger")).findFirst().orElseThrow();
    assertThat(pingerSide.lastStep()).isEqualTo(SessionSnapshot.Step.RECEIVED);
    assertThat(pingerSide.lastLabel()).isEqualTo("pong");
    assertThat(pingerSide.state()).isEqualTo(pongerSide.state()); // both at the head of the loop
  }

  // ------------------------------------------------------------------ helpers

  protected static ProbeActor probe(SessionRuntime runtime) {
    ProbeActor probe = new ProbeActor();
    sync(runtime.spawn(TestProtocols.PROBE, probe));
    return probe;
  }

  protected static <T> T sync(Future<T> future) {
    return ClusteredVertxNodes.await(future, 20);
  }

  protected static void eventually(ThrowingRunnable assertion) {
    await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20)).untilAsserted(assertion);
  }
}
