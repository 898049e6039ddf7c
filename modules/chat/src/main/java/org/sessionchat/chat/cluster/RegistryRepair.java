package org.sessionchat.chat.cluster;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.sessionchat.chat.actor.RoomManager;
import org.sessionchat.chat.actor.RoomRegistry;
import org.sessionchat.session.SessionRuntime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one node's part of the room registry, and of the other cluster-wide name maps (the
 * IRC nicks), right through faults: when a node leaves, its rooms are forgotten; when the
 * cluster grows or merges back after a split or a pause, and every {@value #PERIOD_MILLIS} ms
 * as a safety net, this node's rooms are checked against the registry
 * ({@link RoomManager#reconcile()}: missing entries written back, twins closed, ghosts
 * removed), and so are its clients' nicks (the extra passes given at the start).
 *
 * <p>Why periodic as well: Hazelcast answers with stale data between its MERGING and MERGED
 * events, and a merge may bring back entries at any time; a cheap pass every few seconds
 * bounds how long any disagreement can last, whatever event was missed.
 */
public final class RegistryRepair implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(RegistryRepair.class);
  static final long PERIOD_MILLIS = 5_000;

  private final Vertx vertx;
  private final RoomManager manager;
  private final List<Supplier<Future<Void>>> passes;
  private final Optional<ClusterChanges> changes;
  private final long timer;
  private boolean running;

  private RegistryRepair(Vertx vertx, Context context, SessionRuntime runtime, RoomRegistry registry,
      RoomManager manager, Consumer<String> afterNodeLeft, List<Supplier<Future<Void>>> passes) {
    this.vertx = vertx;
    this.manager = manager;
    this.passes = List.copyOf(passes);
    runtime.onNodeLeft(node -> registry.forgetNode(node)
        .compose(forgotten -> manager.reconcile())
        .onComplete(done -> afterNodeLeft.accept(node))
        .onSuccess(done -> log.debug("Rooms of node {} are gone from the registry", node))
        .onFailure(e -> log.warn("Could not update the room registry after node {} left: {}", node, e.getMessage())));
    this.changes = ClusterChanges.watch(runtime, context, this::repair);
    this.timer = runtime.isClustered() ? vertx.setPeriodic(PERIOD_MILLIS, id -> repair()) : -1;
  }

  /**
   * Starts repairing for {@code manager}'s node; call on the node's context.
   *
   * @param afterNodeLeft run once the registry was updated after a node left
   * @param passes        further checks of this node's entries in other maps, run with each pass
   */
  public static RegistryRepair start(Vertx vertx, SessionRuntime runtime, RoomRegistry registry, RoomManager manager,
      Consumer<String> afterNodeLeft, List<Supplier<Future<Void>>> passes) {
    return new RegistryRepair(vertx, vertx.getOrCreateContext(), runtime, registry, manager, afterNodeLeft, passes);
  }

  /** One pass, unless one is still running. */
  private void repair() {
    if (running) {
      return;
    }
    running = true;
    List<Future<Void>> steps = new ArrayList<>();
    steps.add(step(manager::reconcile));
    passes.forEach(extra -> steps.add(step(extra)));
    Future.all(steps).onComplete(done -> {
      running = false;
      if (done.failed()) {
        log.debug("Room registry check failed: {}", done.cause().getMessage());
      }
    });
  }

  private static Future<Void> step(Supplier<Future<Void>> pass) {
    try {
      return pass.get();
    } catch (RuntimeException e) { // e.g. Hazelcast shutting down
      return Future.failedFuture(e);
    }
  }

  @Override
  public void close() {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
    changes.ifPresent(ClusterChanges::close);
  }
}
