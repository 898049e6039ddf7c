package org.sessionchat.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import java.util.List;
import java.util.Map;
import org.sessionchat.session.testkit.ProbeActor;
import org.sessionchat.session.wire.Envelope;
import org.sessionchat.session.wire.EnvelopeCodec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sessionchat.session.testkit.ClusteredVertxNodes;

/** The runtime's behaviour across a two-member Hazelcast cluster: initiators on one node, peers on the other. */
class ClusteredSessionRuntimeTest extends SessionRuntimeTestBase {

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

  @Test
  void envelopesForgedOnAMemberWithoutTheRuntimeAreRefusedByTheReceiversInboundMonitor() {
    ProbeActor pinger = probe(initiatorNode);
    ProbeActor ponger = probe(peerNode);
    Conversation conversation = sync(pinger.context().startSession("PingPong", "Pinger", Map.of("Ponger", ponger.ref())));
    eventually(() -> assertThat(ponger.events()).contains("established PingPong/Ponger"));
    String sid = conversation.sessionId();
    String to = ponger.ref().actorId();
    String from = pinger.ref().actorId();
    long refusedBefore = peerNode.metrics().violationCount();
    // a member with no runtime, hence no outbound interceptor: only the receiver's inbound one stands in the way
    Vertx intruder = cluster.addMember();
    try {
      intruder.eventBus().registerDefaultCodec(Envelope.class, new EnvelopeCodec());
      for (Envelope envelope : List.of(
          Envelope.message(to, from, sid, "PingPong", "Pinger", "Ponger", "pong", List.of(1L)),        // wrong label
          Envelope.message(to, from, sid, "PingPong", "Ponger", "Pinger", "ping", List.of(1L)),        // wrong role
          Envelope.message(to, from, "stale-session", "PingPong", "Pinger", "Ponger", "ping", List.of(1L)),
          Envelope.message(to, "intruder", sid, "PingPong", "Pinger", "Ponger", "ping", List.of(1L)))) { // not Pinger's actor
        intruder.eventBus().send("sessionchat.node." + ponger.ref().nodeId(), envelope);
      }

      eventually(() -> assertThat(peerNode.metrics().violationCount() - refusedBefore).isEqualTo(4));
      eventually(() -> assertThat(pinger.events()).contains("violation PingPong/Pinger pong"));
      sync(conversation.send("Ponger", "ping", 7));
      eventually(() -> assertThat(ponger.events()).contains("received PingPong/Ponger ping[7]"));
      assertThat(ponger.events()).containsExactly("established PingPong/Ponger", "received PingPong/Ponger ping[7]");
    } finally {
      cluster.remove(intruder);
    }
  }

  @Test
  void eachNodeKnowsTheOtherByItsVertxNodeId() {
    assertThat(initiatorNode.isClustered()).isTrue();
    assertThat(initiatorNode.nodeId()).isEqualTo(cluster.nodeId(0));
    assertThat(initiatorNode.clusterNodes()).containsExactlyInAnyOrder(cluster.nodeId(0), cluster.nodeId(1));
  }
}
