package org.sessionchat.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sessionchat.session.testkit.ClusteredVertxNodes;
import org.sessionchat.session.testkit.ProbeActor;
import org.sessionchat.session.wire.Envelope;
import org.sessionchat.session.wire.EnvelopeBatch;
import org.sessionchat.session.wire.EnvelopeBatchCodec;

/** Broadcasts across a two-member cluster: one batch to the members' node, split there by event loop. */
class ClusteredBroadcastTest extends BroadcastTestBase {

  private static ClusteredVertxNodes cluster;

  @BeforeAll
  static void startCluster() {
    cluster = ClusteredVertxNodes.start(2);
  }

  @AfterAll
  static void closeCluster() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Override
  protected Vertx vertx(int i) {
    return cluster.node(i);
  }

  @Override
  protected int maxBatchesPerBroadcast() {
    return 1;
  }

  @Test
  void aBatchForgedOnAMemberWithoutTheRuntimeIsCheckedEnvelopeByEnvelopeByTheReceivers() {
    ProbeActor hub = probe(hubNode);
    List<ProbeActor> members = members(3);
    List<Conversation> sessions = join(hub, members);
    long refusedBefore = memberNode.metrics().violationCount();
    String from = hub.ref().actorId();
    ProbeActor first = members.get(0);
    String sid = first.conversation("ChatSession").sessionId();
    String to = first.ref().actorId();
    // a member with no runtime, hence no outbound interceptor: only the receivers' inbound one stands in the way
    Vertx intruder = cluster.addMember();
    try {
      intruder.eventBus().registerDefaultCodec(EnvelopeBatch.class, new EnvelopeBatchCodec());
      intruder.eventBus().send("sessionchat.node." + memberNode.nodeId(), new EnvelopeBatch(List.of(
          Envelope.message(to, from, sid, "ChatSession", "ChatRoom", "ClientThread", "leaveRoom", List.of()), // wrong label
          Envelope.message(to, from, sid, "ChatSession", "ClientThread", "ChatRoom", "incomingChatMessage",
              List.of("x")),                                                                                 // wrong role
          Envelope.message(to, from, "stale-session", "ChatSession", "ChatRoom", "ClientThread",
              "incomingChatMessage", List.of("x")),
          Envelope.message(to, "intruder", sid, "ChatSession", "ChatRoom", "ClientThread", "incomingChatMessage",
              List.of("x")))));                                                                              // not the room

      eventually(() -> assertThat(memberNode.metrics().violationCount() - refusedBefore).isEqualTo(4));
      sync(hub.context().sendEach(sessions, "ClientThread", "incomingChatMessage", "real"));
      for (ProbeActor member : members) {
        eventually(() -> assertThat(member.events()).containsExactly("established ChatSession/ClientThread",
            "received ChatSession/ClientThread incomingChatMessage[real]"));
      }
    } finally {
      cluster.remove(intruder);
    }
  }
}
