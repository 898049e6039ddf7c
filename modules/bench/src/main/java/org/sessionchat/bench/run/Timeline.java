package org.sessionchat.bench.run;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * When the slow deliveries of a run happened: per millisecond of the measured window (by the
 * time a message was sent) the deliveries, their worst latency, those over 5/10/20 ms, and the
 * generator's worst event-loop lag in that millisecond. Written as CSV with wall-clock
 * milliseconds, so it lines up with a server's or the generator's GC log. Updated from every
 * event loop without locks; a few arrays of longs, allocated once. It keeps the warm-up too,
 * so that the window's first deliveries run code the warm-up already ran, and writes only the
 * window.
 */
final class Timeline {

  private static final long BUCKET_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
  private static final long[] THRESHOLDS_MICROS = {5_000, 10_000, 20_000};

  private final long startNanos;
  private final long startEpochMillis;
  private final int windowBucket;
  private final int buckets;
  private final AtomicLongArray count;
  private final AtomicLongArray maxMicros;
  private final AtomicLongArray over;
  private final AtomicLongArray loopLagMicros;

  /** From the warm-up's start, written from the window's start to its end. */
  Timeline(long startNanos, long windowStartNanos, long windowEndNanos) {
    this.startNanos = startNanos;
    this.startEpochMillis = System.currentTimeMillis() + TimeUnit.NANOSECONDS.toMillis(startNanos - System.nanoTime());
    this.windowBucket = (int) ((windowStartNanos - startNanos) / BUCKET_NANOS);
    this.buckets = windowBucket + (int) Math.max(1, (windowEndNanos - windowStartNanos) / BUCKET_NANOS);
    this.count = new AtomicLongArray(buckets);
    this.maxMicros = new AtomicLongArray(buckets);
    this.over = new AtomicLongArray(buckets * THRESHOLDS_MICROS.length);
    this.loopLagMicros = new AtomicLongArray(buckets);
  }

  void delivered(long sentNanos, long micros) {
    int b = bucket(sentNanos);
    if (b < 0) {
      return;
    }
    count.incrementAndGet(b);
    raise(maxMicros, b, micros);
    for (int t = 0; t < THRESHOLDS_MICROS.length; t++) {
      if (micros > THRESHOLDS_MICROS[t]) {
        over.incrementAndGet(b * THRESHOLDS_MICROS.length + t);
      }
    }
  }

  void loopLag(long nowNanos, long micros) {
    int b = bucket(nowNanos);
    if (b >= 0) {
      raise(loopLagMicros, b, micros);
    }
  }

  void write(Path file) throws IOException {
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write("epochMillis,msIntoWindow,deliveries,maxMicros,over5ms,over10ms,over20ms,loopLagMaxMicros\n");
      for (int b = windowBucket; b < buckets; b++) {
        out.write((startEpochMillis + b) + "," + (b - windowBucket) + "," + count.get(b) + "," + maxMicros.get(b));
        for (int t = 0; t < THRESHOLDS_MICROS.length; t++) {
          out.write("," + over.get(b * THRESHOLDS_MICROS.length + t));
        }
        out.write("," + loopLagMicros.get(b) + "\n");
      }
    }
  }

  private int bucket(long nanos) {
    long b = (nanos - startNanos) / BUCKET_NANOS;
    return nanos < startNanos || b >= buckets ? -1 : (int) b;
  }

  private static void raise(AtomicLongArray array, int i, long value) {
    long current = array.get(i);
    while (value > current && !array.compareAndSet(i, current, value)) {
      current = array.get(i);
    }
  }
}
