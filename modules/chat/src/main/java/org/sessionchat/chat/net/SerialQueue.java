package org.sessionchat.chat.net;

import io.vertx.core.Future;
import java.util.ArrayDeque;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs asynchronous tasks one after another, in submission order, on the caller's context.
 *
 * <p>Why: the lobby protocol allows one outstanding request per client, but a client may
 * type faster than the room registry answers. Its commands wait here, in order, instead
 * of piling up requests on the session; replies therefore come back in command order.
 * Above {@code highWater} waiting tasks the owner is told to stop reading (back-pressure),
 * and told again when the queue has drained.
 *
 * <p>Not thread-safe: used from one connection's context only.
 */
public final class SerialQueue {

  private static final Logger log = LoggerFactory.getLogger(SerialQueue.class);

  private final ArrayDeque<Supplier<Future<?>>> waiting = new ArrayDeque<>();
  private final int highWater;
  private final Runnable onFull;
  private final Runnable onDrained;
  private boolean running;
  private boolean full;

  public SerialQueue(int highWater, Runnable onFull, Runnable onDrained) {
    this.highWater = highWater;
    this.onFull = onFull;
    this.onDrained = onDrained;
  }

  /** Queues {@code task}; it starts once every task submitted before it has completed. */
  public void submit(Supplier<Future<?>> task) {
    waiting.add(task);
    if (!full && waiting.size() >= highWater) {
      full = true;
      onFull.run();
    }
    drain();
  }

  /** Drops every task not yet started (e.g. after QUIT). */
  public void clear() {
    waiting.clear();
  }

  /** Tasks waiting or running. */
  public int size() {
    return waiting.size() + (running ? 1 : 0);
  }

  // A loop, not recursion: tasks that complete at once must not grow the stack.
  private void drain() {
    while (!running && !waiting.isEmpty()) {
      running = true;
      Future<?> done = start(waiting.poll());
      if (!done.isComplete()) {
        done.onComplete(ignored -> {
          running = false;
          drain();
        });
        return;
      }
      running = false;
    }
    if (full && waiting.isEmpty()) {
      full = false;
      onDrained.run();
    }
  }

  private static Future<?> start(Supplier<Future<?>> task) {
    try {
      return task.get().onFailure(e -> log.error("Queued task failed", e));
    } catch (RuntimeException e) {
      log.error("Queued task failed", e);
      return Future.failedFuture(e);
    }
  }
}
