package org.sessionchat.session.bench;

import io.vertx.core.Context;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.sessionchat.session.Placement;

/**
 * One context on each of a Vert.x's event loops, so that the benchmark places its actors on
 * named loops ({@link Placement#eventLoopOf}) instead of wherever Vert.x's turn happens to be:
 * whether two actors share a thread changes a message's cost fifty-fold, and Vert.x's turn
 * moves with every context created before.
 */
final class EventLoops {

  private final List<Context> contexts;
  private final List<String> threads;
  private final long[] threadIds;

  private EventLoops(List<Context> contexts, List<String> threads, long[] threadIds) {
    this.contexts = contexts;
    this.threads = threads;
    this.threadIds = threadIds;
  }

  /**
   * The instances of one deployment get consecutive event loops: one instance per loop of
   * {@code vertx}'s pool ({@code loops}, its event-loop pool size), each telling its context
   * and thread. Fails if two share a thread.
   */
  static Future<EventLoops> of(Vertx vertx, int loops) {
    List<Context> contexts = new ArrayList<>();
    List<String> threads = new ArrayList<>();
    List<Long> ids = new ArrayList<>();
    return vertx.deployVerticle(() -> new VerticleBase() {
      @Override
      public Future<?> start() {
        synchronized (contexts) {
          contexts.add(context);
          threads.add(Thread.currentThread().getName());
          ids.add(Thread.currentThread().getId());
        }
        return Future.succeededFuture();
      }
    }, new DeploymentOptions().setInstances(loops)).compose(id -> {
      Set<String> distinct = new HashSet<>(threads);
      if (distinct.size() != loops) {
        return Future.failedFuture(new IllegalStateException("expected " + loops + " event loops, got " + threads));
      }
      return Future.succeededFuture(new EventLoops(List.copyOf(contexts), List.copyOf(threads),
          ids.stream().mapToLong(Long::longValue).toArray()));
    });
  }

  int size() {
    return contexts.size();
  }

  /** Loop {@code i} (modulo the number of loops), as a placement. */
  Placement loop(int i) {
    return Placement.eventLoopOf(contexts.get(Math.floorMod(i, contexts.size())));
  }

  /** The CPU time of all the loops (the benchmark's actors run on no other thread). */
  CpuClock cpu() {
    return CpuClock.of(threadIds);
  }

  String threadName(int i) {
    return threads.get(Math.floorMod(i, threads.size()));
  }
}
