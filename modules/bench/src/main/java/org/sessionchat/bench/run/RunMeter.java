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
 *
 * <p>The warm-up runs the same code as the window: what falls outside the window is recorded
 * too, into recorders of its own that nobody reads, picked by an index computed without a
 * branch ({@link #inWindow}). A test "in the window?" that is false through the whole warm-up
 * is one the JIT compiles as never true; when the window opened, the generator's receive path
 * was thrown back to the interpreter and compiled again (with the recording it had never run),
 * and its event loops fell behind in the window's first second.
 */
final class RunMeter {

  /**
   * One pair of latency recorders per event loop that records: a single shared one would cost
   * every delivery atomic writes to the same cache lines from both cores, the generator's
   * largest own cost per delivery.
   */
  private final List<LoopRecorders> loops = new CopyOnWriteArrayList<>();
  private final ThreadLocal<LoopRecorders> recorder = ThreadLocal.withInitial(() -> {
    LoopRecorders own = new LoopRecorders();
    loops.add(own);
    return own;
  });
  private final Histogram total = LatencyHistograms.create();
  private final LongAdder connected = new LongAdder();
  private final LongAdder joined = new LongAdder();
  private final LongAdder sent = new LongAdder();
  /** Deliveries received [0] outside the window, [1] inside it. */
  private final LongAdder[] received = {new LongAdder(), new LongAdder()};
  private final LongAdder errors = new LongAdder();
  private final LongAdder offline = new LongAdder();
  private final LongAdder floodSent = new LongAdder();
  private final LongAdder floodReceived = new LongAdder();
  private final Histogram offlineAfterKill = LatencyHistograms.create();
  /** [0] outside the window (never read), [1] inside. */
  private final Recorder[] loopLag = {recorder(), recorder()};
  private final Recorder[] sendLag = {recorder(), recorder()};
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
    long micros = Math.max(1, Math.min(lagNanos / 1000, LatencyHistograms.highestMicros()));
    loopLag[inWindow(nowNanos, windowStart, windowEnd)].recordValue(micros);
    Timeline t = timeline;
    if (t != null) {
      t.loopLag(nowNanos, micros);
    }
  }

  /** A message with a rate left {@code lagNanos} after its scheduled time. */
  void sendLag(long nowNanos, long lagNanos) {
    sendLag[inWindow(nowNanos, windowStart, windowEnd)]
        .recordValue(Math.max(1, Math.min(lagNanos / 1000, LatencyHistograms.highestMicros())));
  }

  /** The generator's own lateness in the measured window. */
  GeneratorLag generatorLag(int eventLoops) {
    return new GeneratorLag(loopLag[1].getIntervalHistogram(), sendLag[1].getIntervalHistogram(), eventLoops);
  }

  /** A message sent at {@code sentNanos} arrived at {@code nowNanos}. */
  void delivered(long sentNanos, long nowNanos) {
    long start = windowStart;
    long end = windowEnd;
    received[inWindow(nowNanos, start, end)].increment();
    long micros = Math.max(1, Math.min((nowNanos - sentNanos) / 1000, LatencyHistograms.highestMicros()));
    recorder.get().byWindow[inWindow(sentNanos, start, end)].recordValue(micros);
    Timeline t = timeline;
    if (t != null) {
      t.delivered(sentNanos, micros);
    }
  }

  /**
   * A flooder's line reached a member, or a sender's line reached a flooder: counted among all
   * deliveries, not timed, and not among the window's deliveries per second.
   */
  void deliveredUntimed() {
    received[0].increment();
  }

  /**
   * 1 if {@code nanos} lies in [start, end), else 0, without a branch: the sign of
   * {@code nanos - start} (clear from the start on) and of {@code nanos - end} (set before the end).
   */
  static int inWindow(long nanos, long start, long end) {
    return (int) ((~(nanos - start) & (nanos - end)) >>> 63);
  }

  private static SingleWriterRecorder singleWriter() {
    return new SingleWriterRecorder(1, LatencyHistograms.highestMicros(), LatencyHistograms.significantDigits());
  }

  private static Recorder recorder() {
    return new Recorder(1, LatencyHistograms.highestMicros(), LatencyHistograms.significantDigits());
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

  /**
   * Latency recorded since the last call, also added to the run's total. Single caller. The
   * recorders of what fell outside the window are emptied too: taking an interval flips a
   * recorder's phase, and a writer that never saw a flip in the warm-up would be compiled
   * without that case and thrown back to the interpreter at the first flip in the window.
   */
  synchronized Histogram interval() {
    Histogram interval = LatencyHistograms.create();
    for (LoopRecorders loop : loops) {
      loop.emptyOutside();
      interval.add(loop.inside());
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
    return received[0].sum() + received[1].sum();
  }

  long inWindowCount() {
    return received[1].sum();
  }

  long errorCount() {
    return errors.sum();
  }

  long offlineCount() {
    return offline.sum();
  }

  /**
   * One event loop's recorders, by {@link #inWindow}: [0] deliveries of messages sent outside
   * the window (never read), [1] inside. Each interval a recorder hands back is kept to be
   * handed to it again, so taking intervals allocates nothing after the first.
   */
  private static final class LoopRecorders {
    final SingleWriterRecorder[] byWindow = {singleWriter(), singleWriter()};
    private Histogram outsideSpare;
    private Histogram insideSpare;

    void emptyOutside() {
      outsideSpare = byWindow[0].getIntervalHistogram(outsideSpare);
    }

    /** What the inside recorder holds since the last call; valid until the next call. */
    Histogram inside() {
      insideSpare = byWindow[1].getIntervalHistogram(insideSpare);
      return insideSpare;
    }
  }
}
