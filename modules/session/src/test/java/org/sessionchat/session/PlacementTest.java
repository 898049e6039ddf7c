package org.sessionchat.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.ThreadingModel;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sessionchat.session.testkit.ClusteredVertxNodes;
import org.sessionchat.session.testkit.ProbeActor;
import org.sessionchat.session.testkit.TestProtocols;

/**
 * {@link Placement#eventLoopOf}: the actor's verticle runs on the event loop of the given
 * context (its callbacks and its inbound monitor on that thread), and is still a deployment
 * of its own that stops with its parent, like one from {@code deployVerticle}.
 */
class PlacementTest {

  private Vertx vertx;
  private SessionRuntime runtime;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(4));
    runtime = sync(SessionRuntime.start(vertx, new SessionRuntimeOptions(TestProtocols.library(),
        TestProtocols.roles(), true, Duration.ofSeconds(5))));
  }

  @AfterEach
  void stop() {
    sync(runtime.close());
    ClusteredVertxNodes.await(vertx.close(), 10);
  }

  @Test
  void actorsPlacedOnAContextsEventLoopRunTheirCallbacksAndMessagesOnItsThread() {
    Context socketLike = vertx.getOrCreateContext();
    Thread loop = threadOf(socketLike);
    List<ThreadProbe> probes = new ArrayList<>();
    for (int i = 0; i < 8; i++) { // Vert.x alone would spread eight over all four loops
      ThreadProbe probe = new ThreadProbe();
      sync(runtime.spawn(TestProtocols.PROBE, probe, Placement.eventLoopOf(socketLike)));
      probes.add(probe);
    }
    ThreadProbe pinger = probes.get(0);
    ThreadProbe ponger = probes.get(1);
    Conversation conversation = sync(pinger.context().startSession("PingPong", "Pinger", Map.of("Ponger", ponger.ref())));
    sync(conversation.send("Ponger", "ping", 1));
    await().atMost(Duration.ofSeconds(10)).until(() -> !ponger.receivedOn.isEmpty());

    assertThat(probes).allSatisfy(probe -> assertThat(probe.startedOn).isSameAs(loop));
    assertThat(ponger.receivedOn).containsOnly(loop);
    assertThat(runtime.metrics().violationCount()).isZero();
  }

  @Test
  void aPlacedActorIsADeploymentOfItsOwnGoneWhenItStops() {
    Set<String> before = vertx.deploymentIDs();
    ThreadProbe probe = new ThreadProbe();
    sync(runtime.spawn(TestProtocols.PROBE, probe, Placement.eventLoopOf(vertx.getOrCreateContext())));
    assertThat(vertx.deploymentIDs()).hasSize(before.size() + 1);

    sync(probe.context().stop());

    await().atMost(Duration.ofSeconds(10)).until(() -> vertx.deploymentIDs().equals(before));
    assertThat(probe.stopped).isTrue();
    assertThat(runtime.actorCount()).isZero();
  }

  @Test
  void placedFromAVerticleItIsAChildDeploymentThatStopsWithIt() {
    Set<String> before = vertx.deploymentIDs();
    ThreadProbe child = new ThreadProbe();
    String parent = sync(vertx.deployVerticle(new VerticleBase() {
      @Override
      public Future<?> start() {
        return runtime.spawn(TestProtocols.PROBE, child, Placement.eventLoopOf(context));
      }
    }));
    assertThat(vertx.deploymentIDs()).hasSize(before.size() + 2);

    sync(vertx.undeploy(parent));

    assertThat(vertx.deploymentIDs()).isEqualTo(before);
    assertThat(child.stopped).as("undeploying the parent stopped the actor").isTrue();
  }

  @Test
  void onlyAnEventLoopContextCanPlaceAnActor() throws Exception {
    CompletableFuture<Context> worker = new CompletableFuture<>();
    sync(vertx.deployVerticle(new VerticleBase() {
      @Override
      public Future<?> start() {
        worker.complete(context);
        return Future.succeededFuture();
      }
    }, new DeploymentOptions().setThreadingModel(ThreadingModel.WORKER)));

    assertThatThrownBy(() -> Placement.eventLoopOf(worker.get()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not an event-loop context");
  }

  /** An actor that notes the threads its callbacks run on. */
  private static final class ThreadProbe extends ProbeActor {
    volatile Thread startedOn;
    volatile boolean stopped;
    final List<Thread> receivedOn = new CopyOnWriteArrayList<>();

    @Override
    public void started(ActorContext context) {
      startedOn = Thread.currentThread();
      super.started(context);
    }

    @Override
    public void received(Conversation conversation, SessionMessage message) {
      receivedOn.add(Thread.currentThread());
      super.received(conversation, message);
    }

    @Override
    public void stopped() {
      stopped = true;
      super.stopped();
    }
  }

  private static Thread threadOf(Context context) {
    CompletableFuture<Thread> thread = new CompletableFuture<>();
    context.runOnContext(v -> thread.complete(Thread.currentThread()));
    return thread.join();
  }

  private static <T> T sync(Future<T> future) {
    return ClusteredVertxNodes.await(future, 20);
  }
}
