package org.sessionchat.bench.run;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.HdrHistogram.SingleWriterRecorder;
import org.sessionchat.bench.result.GeneratorLag;
import org.sessionchat.bench.result.LatencyHistograms;

/**
 * Counters every client of a run updates from its own event-loop thread: lock-free adders
 * and an HdrHistogram {@link Recorder}, so measuring costs the hot path next to nothing.
 * Latency counts only messages sent inside the measured window; throughput only deliveries
 * received inside it.
 */
final class RunMeter {

  /**
   * One latency recorder per event loop that records: a single shared one would cost every
   * delivery atomic writes to the same cache lines from both cores, the generator's largest
   * own cost per delivery.
   */
  private final List<SingleWriterRecorder> recorders = new CopyOnWriteArrayList<>();
  private final ThreadLocal<SingleWriterRecorder> recorder = ThreadLocal.withInitial(() -> {
    SingleWriterRecorder own = new SingleWriterRecorder(1, LatencyHistograms.highestMicros(),
        LatencyHistograms.significantDigits());
    recorders.add(own);
    return own;
  });
  private final Histogram total = LatencyHistograms.create();
  private final LongAdder connected = new LongAdder();
  private final LongAdder joined = new LongAdder();
  private final LongAdder sent = new LongAdder();
  private final LongAdder received = new LongAdder();
  private final LongAdder inWindow = new LongAdder();
  private final LongAdder errors = new LongAdder();
  private final LongAdder offline = new LongAdder();
  private final LongAdder floodSent = new LongAdder();
  private final LongAdder floodReceived = new LongAdder();
  private final Histogram offlineAfterKill = LatencyHistograms.create();
  private final Recorder loopLag = new Recorder(1, LatencyHistograms.highestMicros(),
      LatencyHistograms.significantDigits());
  private final Recorder sendLag = new Recorder(1, LatencyHistograms.highestMicros(),
      LatencyHistograms.significantDigits());
  private volatile Timeline timeline;
  private volatile long killNanos;
  private volatile long windowStart = Long.MAX_VALUE;
  private volatile long windowEnd = Long.MAX_VALUE;

  void openWindow(long startNanos, long endNanos) {
    windowEnd = endNanos;
    windowStart = startNanos;
  }

  /** From now on, also note per millisecond of the window when the slow deliveries were sent. */
  void keepTimeline(Timeline timeline) {
    this.timeline = timeline;
  }

  /** A generator event loop ran a timer {@code lagNanos} late. */
  void loopLag(long nowNanos, long lagNanos) {
    if (nowNanos >= windowStart && nowNanos < windowEnd) {
      long micros = Math.max(1, Math.min(lagNanos / 1000, LatencyHistograms.highestMicros()));
      loopLag.recordValue(micros);
      Timeline t = timeline;
      if (t != null) {
        t.loopLag(nowNanos, micros);
      }
    }
  }

  /** A message with a rate left {@code lagNanos} after its scheduled time. */
  void sendLag(long nowNanos, long lagNanos) {
    if (nowNanos >= windowStart && nowNanos < windowEnd) {
      sendLag.recordValue(Math.max(1, Math.min(lagNanos / 1000, LatencyHistograms.highestMicros())));
    }
  }

  /** The generator's own lateness in the measured window. */
  GeneratorLag generatorLag() {
    return new GeneratorLag(loopLag.getIntervalHistogram(), sendLag.getIntervalHistogram());
  }

  /** A message sent at {@code sentNanos} arrived at {@code nowNanos}. */
  void delivered(long sentNanos, long nowNanos) {
    received.increment();
    long start = windowStart;
    long end = windowEnd;
    if (sentNanos >= start && sentNanos < end) {
      long micros = Math.max(1, (nowNanos - sentNanos) / 1000);
      recorder.get().recordValue(Math.min(micros, LatencyHistograms.highestMicros()));
      Timeline t = timeline;
      if (t != null) {
        t.delivered(sentNanos, micros);
      }
    }
    if (nowNanos >= start && nowNanos < end) {
      inWindow.increment();
    }
  }

  /** A flooder's line reached a member, or a sender's line reached a flooder: counted, not timed. */
  void deliveredUntimed() {
    received.increment();
  }

  void floodSent() {
    floodSent.increment();
  }

  void floodReceived() {
    floodReceived.increment();
  }

  long floodSentCount() {
    return floodSent.sum();
  }

  long floodReceivedCount() {
    return floodReceived.sum();
  }

  void connected() {
    connected.increment();
  }

  void joined() {
    joined.increment();
  }

  void sent() {
    sent.increment();
  }

  void error() {
    errors.increment();
  }

  /** A room-offline notice arrived; after a kill, how long after it is recorded. */
  void offline(long nowNanos) {
    offline.increment();
    long killed = killNanos;
    if (killed != 0) {
      synchronized (offlineAfterKill) {
        offlineAfterKill.recordValue(Math.max(1, Math.min((nowNanos - killed) / 1000, LatencyHistograms.highestMicros())));
      }
    }
  }

  void killed(long nowNanos) {
    killNanos = nowNanos;
  }

  boolean killHappened() {
    return killNanos != 0;
  }

  Histogram offlineAfterKill() {
    synchronized (offlineAfterKill) {
      return offlineAfterKill.copy();
    }
  }

  /** Latency recorded since the last call, also added to the run's total. Single caller. */
  synchronized Histogram interval() {
    Histogram interval = LatencyHistograms.create();
    for (SingleWriterRecorder own : recorders) {
      interval.add(own.getIntervalHistogram());
    }
    total.add(interval);
    return interval;
  }

  /** Every latency recorded so far. */
  synchronized Histogram total() {
    interval();
    return total.copy();
  }

  long connectedCount() {
    return connected.sum();
  }

  long joinedCount() {
    return joined.sum();
  }

  long sentCount() {
    return sent.sum();
  }

  long receivedCount() {
    return received.sum();
  }

  long inWindowCount() {
    return inWindow.sum();
  }

  long errorCount() {
    return errors.sum();
  }

  long offlineCount() {
    return offline.sum();
  }
}
