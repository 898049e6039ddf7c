package org.sessionchat.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sessionchat.session.testkit.ClusteredVertxNodes;
import org.sessionchat.session.testkit.ProbeActor;
import org.sessionchat.session.testkit.TestProtocols;

/**
 * With the monitor off ({@code monitorEnabled=false}) the monitors track but never refuse:
 * a message the FSM forbids is delivered (and counted as allowed, not refused), while
 * sessions still end exactly as with the monitor on.
 */
class MonitorOffTest {

  private Vertx vertx;
  private SessionRuntime runtime;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    runtime = sync(SessionRuntime.start(vertx, new SessionRuntimeOptions(TestProtocols.library(),
        TestProtocols.roles(), false, Duration.ofSeconds(5))));
  }

  @AfterEach
  void stop() {
    sync(runtime.close());
    ClusteredVertxNodes.await(vertx.close(), 10);
  }

  @Test
  void aForbiddenMessageIsDeliveredAndCountedAsAllowedNotRefused() {
    ProbeActor pinger = probe();
    ProbeActor ponger = probe();
    Conversation conversation = sync(pinger.context().startSession("PingPong", "Pinger", Map.of("Ponger", ponger.ref())));

    sync(conversation.send("Ponger", "pong", 1)); // Pinger may not send pong: refused with the monitor on

    await().atMost(Duration.ofSeconds(10)).until(() -> ponger.events().contains("received PingPong/Ponger pong[1]"));
    assertThat(runtime.metrics().violationCount()).isZero();
    assertThat(runtime.metrics().violationsAllowed()).as("outbound and inbound would have refused").isEqualTo(2);
  }

  @Test
  void sessionsStillCompleteBecauseTheFsmIsTracked() {
    ProbeActor pinger = probe();
    ProbeActor ponger = new ProbeActor().onReceive((conversation, message) -> {
      if (message.label().equals("ping")) {
        conversation.send("Pinger", "pong", message.payload().get(0));
      }
    });
    sync(runtime.spawn(TestProtocols.PROBE, ponger));
    Conversation conversation = sync(pinger.context().startSession("PingPong", "Pinger", Map.of("Ponger", ponger.ref())));

    sync(conversation.send("Ponger", "ping", 1));
    await().atMost(Duration.ofSeconds(10)).until(() -> pinger.events().contains("received PingPong/Pinger pong[1]"));
    sync(conversation.send("Ponger", "bye"));

    await().atMost(Duration.ofSeconds(10)).until(() -> ponger.events().contains("ended PingPong/Ponger COMPLETED"));
    assertThat(pinger.events()).endsWith("ended PingPong/Pinger COMPLETED");
    assertThat(runtime.metrics().messagesMonitored()).as("each of ping, pong, bye stepped both FSMs").isEqualTo(6);
    assertThat(runtime.metrics().violationsAllowed()).isZero();
  }

  private ProbeActor probe() {
    ProbeActor probe = new ProbeActor();
    sync(runtime.spawn(TestProtocols.PROBE, probe));
    return probe;
  }

  private static <T> T sync(io.vertx.core.Future<T> future) {
    return ClusteredVertxNodes.await(future, 20);
  }
}
