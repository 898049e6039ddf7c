package org.sessionchat.bench.run;

import org.HdrHistogram.Histogram;

/** The line on stderr that tells a person, while a run goes on, how it is going. */
final class ProgressLine {

  private final RunMeter meter;
  private final int clients;
  private final long startNanos;
  private volatile String phase = "run";
  private long lastNanos;
  private long lastReceived;
  private long lastCpu;

  ProgressLine(RunMeter meter, int clients, long startNanos) {
    this.meter = meter;
    this.clients = clients;
    this.startNanos = startNanos;
    this.lastNanos = startNanos;
    this.lastCpu = CpuClock.processCpuNanos();
  }

  void phase(String phase) {
    this.phase = phase;
  }

  synchronized void print() {
    long now = System.nanoTime();
    long cpu = CpuClock.processCpuNanos();
    long received = meter.receivedCount();
    double seconds = Math.max(1e-9, (now - lastNanos) / 1e9);
    Histogram interval = meter.interval();
    System.err.printf(
        "[bench] %6.1fs %s connected %d/%d joined %d sent %d received %d (%.0f/s) p99 %s errors %d offline %d cpu %.2f%n",
        (now - startNanos) / 1e9, phase, meter.connectedCount(), clients, meter.joinedCount(),
        meter.sentCount(), received, (received - lastReceived) / seconds,
        interval.getTotalCount() == 0 ? "-" : String.format("%.2fms", interval.getValueAtPercentile(99) / 1000.0),
        meter.errorCount(), meter.offlineCount(), (cpu - lastCpu) / 1e9 / seconds);
    lastNanos = now;
    lastReceived = received;
    lastCpu = cpu;
  }
}
