package org.sessionchat.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sessionchat.session.security.MemberCertificates;
import org.sessionchat.session.security.SenderBinding;
import org.sessionchat.session.testkit.ClusteredVertxNodes;
import org.sessionchat.session.testkit.ProbeActor;
import org.sessionchat.session.testkit.TestCertificates;
import org.sessionchat.session.wire.Envelope;
import org.sessionchat.session.wire.EnvelopeCodec;

/**
 * Every runtime test again, on a cluster whose event bus is mutual TLS and whose envelopes
 * are bound to their sender; and a third member that holds a valid certificate of the
 * cluster but runs no runtime (modified software) trying to speak for the first member's actor.
 */
class SenderBoundClusteredSessionRuntimeTest extends SessionRuntimeTestBase {

  private static final int FORGER = 2;
  @TempDir
  static Path dir;
  private static TestCertificates certificates;
  private static ClusteredVertxNodes cluster;

  @BeforeAll
  static void startCluster() throws Exception {
    certificates = TestCertificates.local(dir, 3);
    cluster = ClusteredVertxNodes.start(List.of(certificates.member("node1"), certificates.member("node2"),
        certificates.member("node3")));
    // The first TLS connection between two nodes took 7 s on a busy 2-core machine: open them
    // before the tests, whose invitations time out after 5 s.
    for (int from = 0; from < 2; from++) {
      int to = 1 - from;
      String address = "warm-up." + to;
      ClusteredVertxNodes.await(cluster.node(to).eventBus().consumer(address, m -> m.reply("ok")).completion(), 30);
      ClusteredVertxNodes.await(cluster.node(from).eventBus().request(address, "hello",
          new DeliveryOptions().setSendTimeout(60_000)), 70);
    }
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
  protected SessionRuntimeOptions options(int node) {
    return options().withClusterCredentials(certificates.credentials("node" + (node + 1)));
  }

  @Test
  void aMemberWithAValidCertificateCannotSpeakForAnotherMembersActor() throws Exception {
    ProbeActor pinger = probe(initiatorNode);
    ProbeActor ponger = probe(peerNode);
    Conversation conversation = sync(pinger.context().startSession("PingPong", "Pinger", Map.of("Ponger", ponger.ref())));
    eventually(() -> assertThat(ponger.events()).contains("established PingPong/Ponger"));
    String sid = conversation.sessionId();
    String to = ponger.ref().actorId();
    String from = pinger.ref().actorId();
    String target = "sessionchat.node." + peerNode.nodeId();
    Vertx forger = cluster.node(FORGER);
    forger.eventBus().registerDefaultCodec(Envelope.class, new EnvelopeCodec());
    String forgerId = cluster.nodeId(FORGER);
    SenderBinding forgersOwn = new SenderBinding(certificates.credentials("node3"), forgerId,
        new MemberCertificates(cluster.hazelcast(FORGER)));
    String genuineTag = forgerId + " " + forgersOwn.tagFor(peerNode.nodeId());
    String claimingPinger = initiatorNode.nodeId() + " " + forgersOwn.tagFor(peerNode.nodeId());
    Envelope ping = Envelope.message(to, from, sid, "PingPong", "Pinger", "Ponger", "ping", List.of(1L));
    long forgedBefore = peerNode.metrics().forgedEnvelopes();

    forger.eventBus().send(target, ping);                                                  // no tag
    forger.eventBus().send(target, ping, tagged(claimingPinger));                           // another node's name, own tag
    forger.eventBus().send(target, ping, tagged(genuineTag));                               // own tag, Pinger's actor
    forger.eventBus().send(target, Envelope.end(to, from, sid, "PingPong", "Pinger", "Ponger",
        EndReason.LOCAL_STOP.name()), tagged(genuineTag));                                  // "Pinger left"
    Throwable invitation = catchThrowable(() -> sync(forger.eventBus().request(target,
        Envelope.invite(to, from, "forged-session", "PingPong", "Pinger", "Ponger",
            Map.of("Pinger", pinger.ref(), "Ponger", ponger.ref())), tagged(genuineTag))));

    assertThat(invitation).as("a forged invitation is refused").isInstanceOf(ReplyException.class);
    eventually(() -> assertThat(peerNode.metrics().forgedEnvelopes() - forgedBefore).isEqualTo(5));
    // the real Pinger goes on, and what Ponger received is only what Pinger sent
    sync(conversation.send("Ponger", "ping", 7));
    eventually(() -> assertThat(ponger.events()).contains("received PingPong/Ponger ping[7]"));
    assertThat(ponger.events()).containsExactly("established PingPong/Ponger", "received PingPong/Ponger ping[7]");
    assertThat(initiatorNode.metrics().forgedEnvelopes()).isZero();
  }

  private static DeliveryOptions tagged(String header) {
    return new DeliveryOptions().addHeader(SenderBinding.HEADER, header).setSendTimeout(5_000);
  }
}
