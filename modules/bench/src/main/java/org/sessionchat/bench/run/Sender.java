package org.sessionchat.bench.run;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.concurrent.atomic.AtomicBoolean;
import org.sessionchat.bench.wire.Dialect;
import org.sessionchat.bench.wire.Payload;

/**
 * The talking half of a sending client. With a rate it keeps to a schedule (catching up
 * after a late timer, skipping while the socket's write queue is full, so a slow server
 * shows as latency and a lower count, not as unbounded memory). With rate 0 it sends as fast
 * as it can while at most {@code window} of its messages have not yet reached every other
 * member ({@link FullDelivery}); the last receiver of a message wakes it up.
 */
final class Sender {

  private static final int MAX_BURST = 1000;

  private final BenchClient client;
  private final Dialect dialect;
  private final RunMeter meter;
  private final String room;
  private final double rate;
  private final int size;
  private final int window;
  private final AtomicBoolean parked = new AtomicBoolean();
  private volatile long sent;
  private volatile long sentAtKill;
  private volatile boolean stopped;
  /** Set at the start, for a sender without a rate that has receivers. */
  private volatile FullDelivery delivery;
  private long startNanos;
  private long timer = -1;

  Sender(BenchClient client, Dialect dialect, RunMeter meter, String room, double rate, int size,
      int window) {
    this.client = client;
    this.dialect = dialect;
    this.meter = meter;
    this.room = room;
    this.rate = rate;
    this.size = size;
    this.window = window;
  }

  /**
   * Starts talking to {@code receivers} other members; with a rate, the first message leaves
   * {@code offsetMillis} later (senders spread over the period do not all send in the same
   * millisecond).
   */
  void start(int receivers, long offsetMillis) {
    if (rate <= 0 && receivers > 0) {
      this.delivery = new FullDelivery(receivers, window);
    }
    client.context().runOnContext(v -> {
      if (rate > 0) {
        if (offsetMillis > 0) {
          timer = client.vertx().setTimer(offsetMillis, id -> startTicking());
        } else {
          startTicking();
        }
      } else {
        startNanos = System.nanoTime();
        pump();
      }
    });
  }

  /** Milliseconds between two ticks of a sender with a rate. */
  static long periodMillis(double rate) {
    return Math.max(1, Math.min(100, (long) (1000 / rate)));
  }

  private void startTicking() {
    if (stopped) {
      return;
    }
    startNanos = System.nanoTime();
    timer = client.vertx().setPeriodic(periodMillis(rate), id -> tick());
  }

  /** Stops sending; completes on the sender's event loop once nothing more will be sent. */
  Future<Void> stop() {
    stopped = true;
    Promise<Void> done = Promise.promise();
    client.context().runOnContext(v -> {
      if (timer >= 0) {
        client.vertx().cancelTimer(timer);
      }
      done.complete();
    });
    return done.future();
  }

  long sent() {
    return sent;
  }

  /** Remembers how many messages were out when a server was killed. */
  void markKill() {
    sentAtKill = sent;
  }

  long sentAtKill() {
    return sentAtKill;
  }

  /**
   * Whether this sender waits for its receivers (no rate: at most {@code window} in flight)
   * and so needs to hear of every delivery; a sender with a rate does not, and its receivers
   * on other event loops then share no counter with it.
   */
  boolean windowed() {
    return rate <= 0;
  }

  /** One receiver got message {@code seq} of this sender's, for the first time. */
  void acked(long seq) {
    FullDelivery delivery = this.delivery;
    if (delivery != null && delivery.received(seq) && parked.get() && parked.compareAndSet(true, false)) {
      client.context().runOnContext(v -> pump());
    }
  }

  private void tick() {
    if (stopped) {
      return;
    }
    long now = System.nanoTime();
    long due = (long) ((now - startNanos) * rate / 1e9) - sent;
    for (long i = Math.min(due, MAX_BURST); i > 0 && !stopped && !client.writeQueueFull(); i--) {
      long scheduled = startNanos + (long) ((sent + 1) * 1e9 / rate);
      meter.sendLag(now, now - scheduled);
      sendOne();
    }
  }

  private void pump() {
    while (!stopped) {
      if (client.writeQueueFull()) {
        client.whenDrained(this::pump);
        return;
      }
      if (inFlight() >= window) {
        parked.set(true);
        if (inFlight() >= window) {
          return;
        }
        parked.set(false);
      }
      sendOne();
    }
  }

  /** Messages sent that some receiver does not have yet. */
  private long inFlight() {
    FullDelivery delivery = this.delivery;
    return delivery == null ? 0 : sent - delivery.reachedAll();
  }

  private void sendOne() {
    long seq = sent;
    String text = new Payload(client.id(), seq, System.nanoTime()).encode(size);
    client.write(dialect.say(room, text));
    sent = seq + 1;
    meter.sent();
  }
}
