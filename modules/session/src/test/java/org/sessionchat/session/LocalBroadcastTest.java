package org.sessionchat.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sessionchat.session.testkit.ClusteredVertxNodes;
import org.sessionchat.session.testkit.ProbeActor;
import org.sessionchat.session.wire.Envelope;
import org.sessionchat.session.wire.EnvelopeBatch;

/** Broadcasts on one Vert.x: one batch per event loop of the receiving actors. */
class LocalBroadcastTest extends BroadcastTestBase {

  private static Vertx vertx;

  @BeforeAll
  static void startVertx() {
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void closeVertx() {
    ClusteredVertxNodes.await(vertx.close(), 10);
  }

  @Override
  protected Vertx vertx(int i) {
    return vertx;
  }

  @Override
  protected int maxBatchesPerBroadcast() {
    return VertxOptions.DEFAULT_EVENT_LOOP_POOL_SIZE;
  }

  @Test
  void aBatchForgedStraightOnTheBusIsRefusedByTheOutboundMonitorAndNeverDelivered() {
    ProbeActor hub = probe(hubNode);
    List<ProbeActor> members = members(3);
    List<Conversation> sessions = join(hub, members);
    long refusedBefore = hubNode.metrics().violationCount();
    String from = hub.ref().actorId();
    List<Envelope> forged = members.stream().map(member -> Envelope.message(member.ref().actorId(), from,
        member.conversation("ChatSession").sessionId(), "ChatSession", "ChatRoom", "ClientThread",
        "incomingChatMessage", List.<Object>of("forged"))).toList();

    String[] targets = forged.stream().map(Envelope::targetActor).toArray(String[]::new);
    String[] sessionIds = forged.stream().map(Envelope::sessionId).toArray(String[]::new);

    // legal envelopes, but put on the bus by a test thread, not by the hub's actor: as a batch
    // of envelopes, and in the compact form of a broadcast
    for (int loop = 0; loop < VertxOptions.DEFAULT_EVENT_LOOP_POOL_SIZE; loop++) {
      vertx.eventBus().send("sessionchat.loop." + hubNode.nodeId() + "." + loop, new EnvelopeBatch(forged));
      vertx.eventBus().send("sessionchat.loop." + hubNode.nodeId() + "." + loop,
          EnvelopeBatch.ofMessage(forged.get(0), targets, sessionIds, null, forged.size()));
    }

    eventually(() -> assertThat(hubNode.metrics().violationCount() - refusedBefore)
        .isEqualTo(2 * 3L * VertxOptions.DEFAULT_EVENT_LOOP_POOL_SIZE));
    sync(hub.context().sendEach(sessions, "ClientThread", "incomingChatMessage", "real"));
    for (ProbeActor member : members) {
      eventually(() -> assertThat(member.events()).containsExactly("established ChatSession/ClientThread",
          "received ChatSession/ClientThread incomingChatMessage[real]"));
    }
  }
}
