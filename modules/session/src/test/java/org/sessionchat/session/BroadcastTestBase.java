package org.sessionchat.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.core.ThrowingRunnable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sessionchat.session.testkit.ClusteredVertxNodes;
import org.sessionchat.session.testkit.ProbeActor;
import org.sessionchat.session.testkit.TestProtocols;
import org.sessionchat.session.wire.Envelope;
import org.sessionchat.session.wire.EnvelopeBatch;

/**
 * {@link ActorContext#sendEach}: a hub in one {@code ChatSession} per member (it plays
 * ChatRoom) broadcasts, the runtime batches the envelopes per destination, and every member
 * still gets exactly its session's messages, each checked by both monitors. Run on one Vert.x
 * ({@link LocalBroadcastTest}: batches per event loop) and across two members
 * ({@link ClusteredBroadcastTest}: one batch per node); the hub lives on node 0, the members on
 * node 1.
 */
abstract class BroadcastTestBase {

  static final int MEMBERS = 12;

  protected SessionRuntime hubNode;
  protected SessionRuntime memberNode;
  private final AtomicInteger batchesSent = new AtomicInteger();
  private final Handler<DeliveryContext<Object>> countBatches = delivery -> {
    if (delivery.body() instanceof EnvelopeBatch) {
      batchesSent.incrementAndGet();
    }
    delivery.next();
  };

  protected abstract Vertx vertx(int i);

  @BeforeEach
  void startRuntimes() {
    hubNode = sync(SessionRuntime.start(vertx(0), options()));
    memberNode = vertx(1) == vertx(0) ? hubNode : sync(SessionRuntime.start(vertx(1), options()));
    vertx(0).eventBus().addOutboundInterceptor(countBatches);
  }

  @AfterEach
  void closeRuntimes() {
    vertx(0).eventBus().removeOutboundInterceptor(countBatches);
    if (memberNode != hubNode) {
      sync(memberNode.close());
    }
    sync(hubNode.close());
  }

  protected SessionRuntimeOptions options() {
    return new SessionRuntimeOptions(TestProtocols.library(), TestProtocols.roles(), true, Duration.ofSeconds(5));
  }

  @Test
  void everyMemberGetsEveryBroadcastInOrderInFewerBusMessagesThanMembers() {
    ProbeActor hub = probe(hubNode);
    List<ProbeActor> members = members(MEMBERS);
    List<Conversation> sessions = join(hub, members);
    int batchesBefore = batchesSent.get();
    long monitoredBefore = monitored();

    for (int round = 1; round <= 3; round++) {
      sync(hub.context().sendEach(sessions, "ClientThread", "incomingChatMessage", "line " + round));
    }
    // a message sent on its own between broadcasts keeps its place
    sync(hub.context().sendEach(sessions, "ClientThread", "incomingChatMessage", "line 4"));

    for (ProbeActor member : members) {
      eventually(() -> assertThat(member.events()).contains("received ChatSession/ClientThread incomingChatMessage[line 4]"));
      assertThat(member.events()).containsExactly("established ChatSession/ClientThread",
          "received ChatSession/ClientThread incomingChatMessage[line 1]",
          "received ChatSession/ClientThread incomingChatMessage[line 2]",
          "received ChatSession/ClientThread incomingChatMessage[line 3]",
          "received ChatSession/ClientThread incomingChatMessage[line 4]");
    }
    int batches = batchesSent.get() - batchesBefore;
    assertThat(batches).as("event-bus messages carrying the 4 broadcasts to %d members", MEMBERS)
        .isPositive().isLessThanOrEqualTo(maxBatchesPerBroadcast() * 4);
    assertThat(hubNode.metrics().violationCount() + memberNode.metrics().violationCount()).isZero();
    assertThat(monitored() - monitoredBefore).as("each line checked as it left the hub and as it reached its member")
        .isEqualTo(2L * MEMBERS * 4);
  }

  @Test
  void eachMemberReceivesABroadcastAsCodeOfItsOwnContext() {
    ProbeActor hub = probe(hubNode);
    List<ProbeActor> members = new ArrayList<>();
    Map<ProbeActor, Context> startedOn = new ConcurrentHashMap<>();
    Map<ProbeActor, List<Context>> receivedOn = new ConcurrentHashMap<>();
    for (int i = 0; i < MEMBERS; i++) { // several per event loop, so that a batch holds several receivers
      ProbeActor member = new ProbeActor() {
        @Override
        public void started(ActorContext context) {
          startedOn.put(this, Vertx.currentContext());
          super.started(context);
        }
      };
      member.onReceive((conversation, message) -> receivedOn.computeIfAbsent(member, m -> new CopyOnWriteArrayList<>())
          .add(Vertx.currentContext()));
      sync(memberNode.spawn(TestProtocols.PROBE, member));
      members.add(member);
    }
    List<Conversation> sessions = join(hub, members);

    sync(hub.context().sendEach(sessions, "ClientThread", "incomingChatMessage", "one"));
    sync(hub.context().sendEach(sessions, "ClientThread", "incomingChatMessage", "two"));

    for (ProbeActor member : members) {
      eventually(() -> assertThat(receivedOn.get(member)).hasSize(2));
      assertThat(receivedOn.get(member)).as("the context current while the member received its lines")
          .containsOnly(startedOn.get(member));
    }
    assertThat(startedOn.values().stream().distinct()).hasSize(MEMBERS);
  }

  /** Messages monitored by both runtimes (one, when hub and members share a node). */
  private long monitored() {
    return hubNode.metrics().messagesMonitored()
        + (memberNode == hubNode ? 0 : memberNode.metrics().messagesMonitored());
  }

  @Test
  void aBroadcastAndASingleSendToOneMemberArriveInTheOrderSent() {
    ProbeActor hub = probe(hubNode);
    List<ProbeActor> members = members(4);
    List<Conversation> sessions = join(hub, members);

    hub.context().sendEach(sessions, "ClientThread", "incomingChatMessage", "a");
    sessions.get(0).send("ClientThread", "incomingChatMessage", "b");
    sync(hub.context().sendEach(sessions, "ClientThread", "incomingChatMessage", "c"));

    eventually(() -> assertThat(members.get(0).events()).hasSize(4));
    assertThat(members.get(0).events()).containsSubsequence("received ChatSession/ClientThread incomingChatMessage[a]",
        "received ChatSession/ClientThread incomingChatMessage[b]",
        "received ChatSession/ClientThread incomingChatMessage[c]");
  }

  @Test
  void aMessageTheSendersFsmForbidsIsRefusedInEverySessionAndDeliveredInNone() {
    ProbeActor hub = probe(hubNode);
    List<ProbeActor> members = members(6);
    List<Conversation> sessions = join(hub, members);
    long refusedBefore = hubNode.metrics().violationCount();

    // the room may not send the client's own label
    Throwable refused = catchThrowable(() -> sync(hub.context().sendEach(sessions, "ClientThread",
        "outgoingChatMessage", "no")));

    assertThat(refused).isInstanceOf(ProtocolViolationException.class);
    assertThat(hubNode.metrics().violationCount() - refusedBefore).isEqualTo(6);
    sync(hub.context().sendEach(sessions, "ClientThread", "incomingChatMessage", "yes"));
    for (ProbeActor member : members) {
      eventually(() -> assertThat(member.events()).containsExactly("established ChatSession/ClientThread",
          "received ChatSession/ClientThread incomingChatMessage[yes]"));
    }
  }

  @Test
  void aMemberThatLeftIsSkippedAndTheOthersStillGetTheLine() {
    ProbeActor hub = probe(hubNode);
    List<ProbeActor> members = members(5);
    List<Conversation> sessions = join(hub, members);
    sync(members.get(2).conversation("ChatSession").send("ChatRoom", "leaveRoom"));
    eventually(() -> assertThat(sessions.get(2).isActive()).isFalse());

    Throwable failed = catchThrowable(() -> sync(hub.context().sendEach(sessions, "ClientThread",
        "incomingChatMessage", "still here")));

    assertThat(failed).isInstanceOf(IllegalStateException.class).hasMessageContaining("not an active conversation");
    for (int i = 0; i < members.size(); i++) {
      ProbeActor member = members.get(i);
      if (i != 2) {
        eventually(() -> assertThat(member.events()).contains(
            "received ChatSession/ClientThread incomingChatMessage[still here]"));
      }
    }
    assertThat(members.get(2).events()).noneMatch(e -> e.contains("still here"));
  }

  @Test
  void aMemberThatStoppedBetweenTwoBroadcastsGetsNothingAndANewActorWithItsIdRefusesTheLine() {
    ProbeActor hub = probe(hubNode);
    List<ProbeActor> members = members(MEMBERS); // several per event loop: each loop's share goes as a batch
    List<Conversation> sessions = join(hub, members);
    sync(hub.context().sendEach(sessions, "ClientThread", "incomingChatMessage", "before"));
    for (ProbeActor member : members) {
      eventually(() -> assertThat(member.events()).contains("received ChatSession/ClientThread incomingChatMessage[before]"));
    }
    // the member's END never reaches the hub, so the hub still broadcasts in that session (as
    // in the moment before the END arrives), to a new actor that took the stopped one's id
    Handler<DeliveryContext<Object>> holdEnds = delivery -> {
      if (!(delivery.body() instanceof Envelope envelope && envelope.kind() == Envelope.Kind.END)) {
        delivery.next();
      }
    };
    vertx(1).eventBus().addOutboundInterceptor(holdEnds);
    List<MonitorRefusal> refusals = new CopyOnWriteArrayList<>();
    try (AutoCloseable observing = memberNode.observe(new SessionObserver() {
      @Override
      public void refused(MonitorRefusal refusal) {
        refusals.add(refusal);
      }
    })) {
      ProbeActor stopped = members.get(1);
      sync(stopped.context().stop());
      ProbeActor successor = successorOf(memberNode, stopped);

      sync(hub.context().sendEach(sessions, "ClientThread", "incomingChatMessage", "after"));

      for (int i = 0; i < members.size(); i++) {
        if (i != 1) {
          ProbeActor member = members.get(i);
          eventually(() -> assertThat(member.events()).contains(
              "received ChatSession/ClientThread incomingChatMessage[after]"));
        }
      }
      eventually(() -> assertThat(refusals).extracting(MonitorRefusal::reason, MonitorRefusal::inbound)
          .containsExactly(tuple(RefusalReason.UNKNOWN_SESSION, true)));
      assertThat(refusals.get(0).sessionId()).isEqualTo(sessions.get(1).sessionId());
      assertThat(stopped.events()).noneMatch(e -> e.contains("[after]"));
      assertThat(successor.events()).isEmpty();
    } catch (Exception e) {
      throw new AssertionError(e);
    } finally {
      vertx(1).eventBus().removeOutboundInterceptor(holdEnds);
    }
  }

  /**
   * A new actor under {@code stopped}'s id, on another event loop than it ran on where the
   * node's turn of event loops gives one (so that envelopes still sent where the stopped one
   * lived would find their receiver on the wrong thread).
   */
  private static ProbeActor successorOf(SessionRuntime runtime, ProbeActor stopped) {
    ProbeActor successor = null;
    for (int attempt = 0; attempt < 4; attempt++) {
      if (successor != null) {
        sync(successor.context().stop());
        probe(runtime); // the next deployment takes the next event loop in turn
      }
      successor = new ProbeActor();
      sync(runtime.spawn(TestProtocols.PROBE, stopped.ref().actorId(), successor));
      if (successor.thread() != stopped.thread()) {
        break;
      }
    }
    return successor;
  }

  /** At most this many event-bus messages per broadcast (one per destination). */
  protected abstract int maxBatchesPerBroadcast();

  protected List<ProbeActor> members(int n) {
    List<ProbeActor> members = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      members.add(probe(memberNode));
    }
    return members;
  }

  /** The hub's ChatSession with each member, in the members' order, all established. */
  protected List<Conversation> join(ProbeActor hub, List<ProbeActor> members) {
    List<Conversation> sessions = new ArrayList<>();
    for (ProbeActor member : members) {
      sessions.add(sync(hub.context().startSession("ChatSession", "ChatRoom", Map.of("ClientThread", member.ref()))));
    }
    for (ProbeActor member : members) {
      eventually(() -> assertThat(member.events()).contains("established ChatSession/ClientThread"));
    }
    return sessions;
  }

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
