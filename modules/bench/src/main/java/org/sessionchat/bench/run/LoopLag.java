package org.sessionchat.bench.run;

import io.vertx.core.Context;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Measures the generator's own event loops: on each loop a chain of 1 ms timers, each
 * recording how much later than asked it ran. A received line waits behind exactly that
 * (the loop's other work, its process's GC pauses, time without a core), so a run whose loop
 * lag is near its latency figures measured the generator, not the server.
 */
final class LoopLag {

  private static final long PERIOD_MILLIS = 1;

  private final RunMeter meter;
  private final List<Context> loops;
  private volatile boolean stopped;

  private LoopLag(RunMeter meter, List<Context> loops) {
    this.meter = meter;
    this.loops = loops;
  }

  /** One probe per distinct event-loop thread among these clients' contexts. */
  static LoopLag on(RunMeter meter, Collection<BenchClient> clients) {
    return new LoopLag(meter, loopsOf(clients));
  }

  /**
   * A context of each distinct event-loop thread among these clients' contexts. Clients share
   * a few context objects (one per loop they were opened from), so each is asked for its
   * thread once, not once per client.
   */
  static List<Context> loopsOf(Collection<BenchClient> clients) {
    Set<Context> asked = Collections.newSetFromMap(new IdentityHashMap<>());
    Set<Thread> seen = new HashSet<>();
    List<Context> loops = new ArrayList<>();
    for (BenchClient client : clients) {
      Context context = client.context();
      if (context != null && asked.add(context)) {
        Thread thread = threadOf(context);
        if (thread != null && seen.add(thread)) {
          loops.add(context);
        }
      }
    }
    return loops;
  }

  void start() {
    for (Context loop : loops) {
      loop.runOnContext(v -> next(loop));
    }
  }

  void stop() {
    stopped = true;
  }

  private void next(Context loop) {
    if (stopped) {
      return;
    }
    long due = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(PERIOD_MILLIS);
    loop.owner().setTimer(PERIOD_MILLIS, id -> {
      long now = System.nanoTime();
      meter.loopLag(now, now - due);
      next(loop);
    });
  }

  private static Thread threadOf(Context context) {
    Thread[] thread = new Thread[1];
    CountDownLatch done = new CountDownLatch(1);
    context.runOnContext(v -> {
      thread[0] = Thread.currentThread();
      done.countDown();
    });
    try {
      return done.await(5, TimeUnit.SECONDS) ? thread[0] : null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }
}
