package org.sessionchat.chat.limits;

import java.util.ArrayDeque;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Flood control as a stage of a connection's pipeline: items (lines, or whatever a listener
 * frames) pass at the rate of a {@link TokenBucket}; over the rate they wait here, in order,
 * and the connection is asked to stop reading until every waiting item has passed. Nothing
 * that was read is dropped; a flooding client is simply read more slowly, and TCP
 * back-pressure keeps the rest in its own socket buffer (IRC servers call this "fakelag").
 *
 * <p>Why a stage that knows no protocol: the line and IRC listeners frame differently but
 * throttle the same way; each puts a gate between its framer and its parser. While reading
 * is stopped only the items of the chunks read before the stop wait here, so memory stays
 * bounded by what the socket had already read.
 *
 * <p>A client that stays over the rate without a break ({@link #QUIET_NANOS} of not being held
 * back) for longer than {@link RateLimit#floodTimeout()} is reported through
 * {@link Source#saturated()}; its waiting items are dropped with the connection. Not
 * thread-safe: one gate per connection, used from the connection's context (the scheduler
 * must run its tasks there).
 *
 * @param <T> what the connection frames
 */
public final class FloodGate<T> {

  /** A break of this long without being held back ends a flooding stretch. */
  static final long QUIET_NANOS = 1_000_000_000L;
  private static final long NOT_FLOODING = Long.MIN_VALUE;

  /** The connection in front of the gate: what the gate asks of it. */
  public interface Source {
    /** Items are waiting: stop reading the client. */
    void hold();

    /** Every waiting item has passed: read again. */
    void release();

    /** The client stayed over the rate for longer than the flood timeout: close it. */
    void saturated();
  }

  /** Runs a task later, on the connection's context. */
  @FunctionalInterface
  public interface Scheduler {
    void after(long delayMillis, Runnable task);
  }

  private final TokenBucket bucket;
  private final long floodTimeoutNanos;
  private final LongSupplier clock;
  private final Scheduler scheduler;
  private final Source source;
  private final Consumer<T> downstream;
  private final LimitCounters counters;
  private final ArrayDeque<T> waiting = new ArrayDeque<>();
  private boolean held;
  private boolean closed;
  private long heldSince;
  private long releasedAt = NOT_FLOODING;
  private long floodingSince = NOT_FLOODING;

  /**
   * @param limit      the rate, burst and flood timeout; must be {@link RateLimit#enabled()}
   * @param clock      nanosecond clock, {@link System#nanoTime} outside tests
   * @param scheduler  timers on the connection's context
   * @param source     the connection, paused and resumed by the gate
   * @param downstream the next stage, which gets every item in order
   * @param counters   where delayed items and held connections are counted
   */
  public FloodGate(RateLimit limit, LongSupplier clock, Scheduler scheduler, Source source, Consumer<T> downstream,
      LimitCounters counters) {
    if (!limit.enabled()) {
      throw new IllegalArgumentException("flood control is off: " + limit);
    }
    this.bucket = new TokenBucket(limit.burst(), limit.linesPerSecond(), clock);
    this.floodTimeoutNanos = limit.floodTimeout().toNanos();
    this.clock = clock;
    this.scheduler = scheduler;
    this.source = source;
    this.downstream = downstream;
    this.counters = counters;
  }

  /** The next item from the client: passed on now, or later in its turn. */
  public void offer(T item) {
    if (closed) {
      return;
    }
    if (!held && bucket.tryTake()) {
      downstream.accept(item);
      return;
    }
    waiting.add(item);
    counters.lineDelayed();
    if (!held) {
      hold();
    }
  }

  private void hold() {
    long now = clock.getAsLong();
    held = true;
    heldSince = now;
    if (floodingSince == NOT_FLOODING || now - releasedAt >= QUIET_NANOS) {
      floodingSince = now;
    }
    counters.connectionHeld();
    source.hold();
    scheduleNext();
  }

  private void scheduleNext() {
    long nanos = bucket.nanosUntilToken();
    scheduler.after(Math.max(1, (nanos + 999_999) / 1_000_000), this::drain);
  }

  private void drain() {
    while (!closed && !waiting.isEmpty() && bucket.tryTake()) {
      counters.lineWaited();
      downstream.accept(waiting.poll());
    }
    if (closed) {
      return;
    }
    long now = clock.getAsLong();
    if (waiting.isEmpty()) {
      releasedAt = now;
      unhold(now);
      source.release();
    } else if (floodTimeoutNanos > 0 && now - floodingSince >= floodTimeoutNanos) {
      close();
      source.saturated();
    } else {
      scheduleNext();
    }
  }

  private void unhold(long now) {
    held = false;
    counters.connectionReleased(now - heldSince);
  }

  /** The connection is gone: what still waits is dropped with it, nothing more is passed on. */
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    counters.linesDropped(waiting.size());
    waiting.clear();
    if (held) {
      unhold(clock.getAsLong());
    }
  }

  /** Items waiting for their turn. */
  public int waiting() {
    return waiting.size();
  }

  /** True while the gate holds the connection back. */
  public boolean isHeld() {
    return held;
  }
}
