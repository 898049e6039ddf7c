package org.sessionchat.session.testkit;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.sessionchat.session.ClusterOptions;
import org.sessionchat.session.ClusterSetup;

/**
 * N clustered Vert.x instances in this JVM, joined over loopback into a Hazelcast cluster
 * with a random name, so that clusters of tests running at the same time never merge.
 *
 * <p>Why a helper of its own: every clustered test (here and in the chat module, through
 * the test-jar) needs the same start-up, the same abrupt kill and the same bounded
 * shut-down.
 */
public final class ClusteredVertxNodes implements AutoCloseable {

  private static final long START_TIMEOUT_S = 60;
  private static final long CLOSE_TIMEOUT_S = 15;

  private final String clusterName = "test-" + UUID.randomUUID();
  private final List<String> members = new ArrayList<>();
  private final List<Vertx> nodes = new ArrayList<>();
  private final List<HazelcastClusterManager> managers = new ArrayList<>();

  private ClusteredVertxNodes() {
  }

  /**
   * How one member differs from a plain one.
   *
   * @param eventBus   changes its event-bus options (e.g. TLS with the member's own certificate)
   * @param attributes Hazelcast member attributes it announces (e.g. its certificate)
   */
  public record Member(UnaryOperator<EventBusOptions> eventBus, Map<String, String> attributes) {

    public static Member plain() {
      return new Member(UnaryOperator.identity(), Map.of());
    }

    public static Member eventBus(UnaryOperator<EventBusOptions> eventBus) {
      return new Member(eventBus, Map.of());
    }
  }

  /** Starts {@code count} members one after the other and waits until they all see each other. */
  public static ClusteredVertxNodes start(int count) {
    List<Member> plain = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      plain.add(Member.plain());
    }
    return start(plain);
  }

  /** Starts one member per element of {@code members} and waits until they all see each other in Hazelcast. */
  public static ClusteredVertxNodes start(List<Member> members) {
    ClusteredVertxNodes cluster = new ClusteredVertxNodes();
    List<Integer> ports = new ArrayList<>();
    for (int i = 0; i < members.size(); i++) {
      ports.add(freePort());
      cluster.members.add("127.0.0.1:" + ports.get(i));
    }
    try {
      for (int i = 0; i < ports.size(); i++) {
        cluster.startMember(ports.get(i), members.get(i));
      }
      cluster.awaitSize(members.size());
    } catch (RuntimeException | Error e) {
      cluster.close();
      throw e;
    }
    return cluster;
  }

  /** Starts one more member of the same cluster (it may also join later than the others). */
  public Vertx addMember() {
    int port = freePort();
    members.add("127.0.0.1:" + port);
    return startMember(port, Member.plain());
  }

  private Vertx startMember(int port, Member member) {
    HazelcastClusterManager manager = ClusterSetup.clusterManager(
        ClusterOptions.loopback(clusterName, port, members).withMemberAttributes(member.attributes()));
    VertxOptions options = new VertxOptions()
        .setEventLoopPoolSize(2)
        .setEventBusOptions(member.eventBus().apply(
            new EventBusOptions().setHost("127.0.0.1").setClusterPublicHost("127.0.0.1").setPort(freePort())));
    Vertx vertx = await(Vertx.builder().with(options).withClusterManager(manager).buildClustered(), START_TIMEOUT_S);
    managers.add(manager);
    nodes.add(vertx);
    return vertx;
  }

  /** Closes member {@code vertx} (a clean leave) and forgets it; the others see one member fewer. */
  public void remove(Vertx vertx) {
    int i = nodes.indexOf(vertx);
    if (i < 0) {
      throw new IllegalArgumentException("not a member of " + clusterName);
    }
    closeQuietly(vertx);
    nodes.remove(i);
    managers.remove(i);
    awaitSize(nodes.size());
  }

  public String clusterName() {
    return clusterName;
  }

  public int size() {
    return nodes.size();
  }

  public Vertx node(int i) {
    return nodes.get(i);
  }

  public List<Vertx> nodes() {
    return List.copyOf(nodes);
  }

  /** The Hazelcast instance of member {@code i}. */
  /** The cluster manager member {@code i} was built with. */
  public HazelcastClusterManager clusterManager(int i) {
    return managers.get(i);
  }

  public com.hazelcast.core.HazelcastInstance hazelcast(int i) {
    return managers.get(i).getHazelcastInstance();
  }

  /** The Vert.x node id of member {@code i}. */
  public String nodeId(int i) {
    return managers.get(i).getNodeId();
  }

  /**
   * Kills member {@code i} the hard way, as when its process dies: first its event bus is
   * silenced (an interceptor each way drops every message, so not one goodbye leaves it and
   * nothing reaches it), then Hazelcast is terminated without a goodbye; the others find out
   * from the broken connections, through the membership event only. Its Vert.x stays
   * open, mute, until {@link #close()}: closing it now would run its actors' stop hooks.
   *
   * @return the messages the dead member tried to send afterwards (all dropped)
   */
  public java.util.concurrent.atomic.AtomicLong kill(int i) {
    java.util.concurrent.atomic.AtomicLong dropped = new java.util.concurrent.atomic.AtomicLong();
    Vertx victim = nodes.get(i);
    victim.eventBus().addOutboundInterceptor(delivery -> dropped.incrementAndGet());
    victim.eventBus().addInboundInterceptor(delivery -> { });
    managers.get(i).getHazelcastInstance().getLifecycleService().terminate();
    return dropped;
  }

  /** Waits until every live member sees {@code expected} members. */
  public void awaitSize(int expected) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_TIMEOUT_S);
    for (HazelcastClusterManager manager : managers) {
      while (manager.isActive() && manager.getNodes().size() != expected) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("cluster " + clusterName + " did not reach " + expected + " members: "
              + manager.getNodes());
        }
        sleepBriefly();
      }
    }
  }

  @Override
  public void close() {
    for (Vertx vertx : nodes) {
      closeQuietly(vertx);
    }
    nodes.clear();
    managers.clear();
  }

  private static void closeQuietly(Vertx vertx) {
    try {
      await(vertx.close(), CLOSE_TIMEOUT_S);
    } catch (RuntimeException e) {
      // already closed or its Hazelcast was terminated: nothing more to release
    }
  }

  /** Blocks a test thread (never an event loop) until {@code future} completes. */
  public static <T> T await(Future<T> future, long seconds) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(seconds, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    } catch (java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("not completed within " + seconds + " s", e);
    }
  }

  private static int freePort() {
    return FreePorts.next();
  }

  private static void sleepBriefly() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
