package org.sessionchat.session.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.vertx.core.Future;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.http.ClientAuth;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sessionchat.session.security.PeerCertificateCheck.Failure;
import org.sessionchat.session.testkit.ClusteredVertxNodes;
import org.sessionchat.session.testkit.ClusteredVertxNodes.Member;
import org.sessionchat.session.testkit.TestCertificates;
import org.slf4j.LoggerFactory;

/**
 * Mutual TLS on the event bus between real clustered Vert.x instances: members with
 * certificates of the cluster's CA talk; a member with another CA's certificate, one without
 * TLS and one that accepts any client can neither send to them nor receive from them, and the
 * legitimate node logs one line per stranger.
 */
class ClusterTlsTest {

  private static final int OURS_1 = 0;
  private static final int OURS_2 = 1;
  private static final int OTHER_CA = 2;
  private static final int PLAIN = 3;
  private static final int LAX = 4;
  /** A first TLS connection took 7 s on a 2-core machine under a load of 48. */
  private static final long SEND_TIMEOUT_MS = 30_000;
  private static final long STRANGER_TIMEOUT_MS = 5_000;

  @TempDir
  Path dir;

  private final ListAppender<ILoggingEvent> log = new ListAppender<>();
  private final Logger checkLogger = (Logger) LoggerFactory.getLogger(PeerCertificateCheck.class);

  @BeforeEach
  void captureLog() {
    log.start();
    checkLogger.addAppender(log);
  }

  @AfterEach
  void releaseLog() {
    checkLogger.detachAppender(log);
  }

  @Test
  void onlyMembersWithTheClustersCertificatesExchangeMessages() throws Exception {
    TestCertificates ours = TestCertificates.local(dir.resolve("ours"), 2);
    TestCertificates theirs = TestCertificates.local(dir.resolve("theirs"), 1);
    List<Member> buses = List.of(
        Member.eventBus(o -> ours.tls("node1").applyTo(o)),
        Member.eventBus(o -> ours.tls("node2").applyTo(o)),
        Member.eventBus(o -> theirs.tls("node1").applyTo(o)),
        Member.plain(),
        Member.eventBus(o -> theirs.tls("node1").applyTo(o).setClientAuth(ClientAuth.NONE).setTrustAll(true)));
    try (ClusteredVertxNodes cluster = ClusteredVertxNodes.start(buses);
        PeerCertificateCheck check = PeerCertificateCheck.start(cluster.node(OURS_1), cluster.clusterManager(OURS_1),
            ours.tls("node1"))) {
      List<AtomicInteger> received = new ArrayList<>();
      for (int i = 0; i < cluster.size(); i++) {
        AtomicInteger count = new AtomicInteger();
        received.add(count);
        int member = i;
        ClusteredVertxNodes.await(cluster.node(i).eventBus().<String>consumer("echo." + i, m -> {
          count.incrementAndGet();
          m.reply("pong from " + member);
        }).completion(), 10);
      }

      assertThat(request(cluster, OURS_1, OURS_2)).contains("pong from " + OURS_2);
      assertThat(request(cluster, OURS_2, OURS_1)).contains("pong from " + OURS_1);
      List<Future<Optional<String>>> strangers = new ArrayList<>();
      for (int stranger : new int[] {OTHER_CA, PLAIN, LAX}) {
        strangers.add(requestAsync(cluster, stranger, OURS_1, STRANGER_TIMEOUT_MS));
        strangers.add(requestAsync(cluster, OURS_1, stranger, STRANGER_TIMEOUT_MS));
        strangers.add(requestAsync(cluster, OURS_2, stranger, STRANGER_TIMEOUT_MS));
      }
      for (Future<Optional<String>> reply : strangers) {
        assertThat(reply.await(STRANGER_TIMEOUT_MS * 3, TimeUnit.MILLISECONDS)).isEmpty();
      }
      assertThat(received.get(OTHER_CA)).hasValue(0);
      assertThat(received.get(PLAIN)).hasValue(0);
      assertThat(received.get(LAX)).hasValue(0);
      assertThat(received.get(OURS_1)).hasValue(1); // from OURS_2 only

      await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
        assertThat(check.result(cluster.nodeId(OURS_2))).contains(Optional.empty());
        assertThat(check.result(cluster.nodeId(OTHER_CA))).contains(Optional.of(Failure.UNTRUSTED_CERTIFICATE));
        assertThat(check.result(cluster.nodeId(PLAIN))).contains(Optional.of(Failure.NO_TLS));
        assertThat(check.result(cluster.nodeId(LAX))).contains(Optional.of(Failure.UNTRUSTED_CERTIFICATE));
      });
      for (int stranger : new int[] {OTHER_CA, PLAIN, LAX}) {
        assertThat(warningsAbout(cluster.nodeId(stranger))).as("lines about member %d", stranger).hasSize(1);
      }
      assertThat(warningsAbout(cluster.nodeId(OURS_2))).isEmpty();
    }
  }

  private List<String> warningsAbout(String nodeId) {
    return log.list.stream()
        .filter(e -> e.getLevel() == Level.WARN && e.getFormattedMessage().contains(nodeId))
        .map(ILoggingEvent::getFormattedMessage)
        .toList();
  }

  private static Optional<String> request(ClusteredVertxNodes cluster, int from, int to) throws Exception {
    return requestAsync(cluster, from, to, SEND_TIMEOUT_MS).await(SEND_TIMEOUT_MS * 2, TimeUnit.MILLISECONDS);
  }

  /** The reply, or empty when the request failed (timed out: the connection never came up). */
  private static Future<Optional<String>> requestAsync(ClusteredVertxNodes cluster, int from, int to, long timeoutMs) {
    return cluster.node(from).eventBus()
        .<String>request("echo." + to, "ping", new DeliveryOptions().setSendTimeout(timeoutMs))
        .map(reply -> Optional.of(reply.body()))
        .otherwise(Optional.empty());
  }
}
