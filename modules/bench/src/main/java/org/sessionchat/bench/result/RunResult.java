package org.sessionchat.bench.result;

import java.util.List;
import org.HdrHistogram.Histogram;
import org.sessionchat.bench.ScenarioSpec;
import org.sessionchat.bench.ledger.Tally;

/**
 * What one run measured. Results of child processes (each ran whole rooms) merge into one.
 *
 * @param spec              the scenario
 * @param processes         generator processes that ran it
 * @param clients           clients the scenario asked for
 * @param joined            clients that got into their room
 * @param connectJoinMillis from the first connect until the last client was in its room
 * @param sent              messages sent, warm-up included
 * @param tally             delivery accounting, warm-up included
 * @param errors            error lines from the server and failed connections
 * @param offline           room-offline notices received
 * @param deliveriesPerSecond deliveries received during the measured window, per second
 * @param latencyMicros     latency of messages sent during the measured window
 * @param cpuSeconds        CPU time the generator itself used
 * @param wallSeconds       wall time of the generator
 * @param server            what the server process(es) used, when asked to look
 * @param startedAt         ISO-8601 start time
 * @param loadAverage       the machine's 1-minute load average at the end (others share it)
 * @param offlineAfterKillMicros time from a server kill to each room-offline notice (scenario G)
 * @param generatorLag      how late the generator's own event loops and scheduled sends were
 * @param machineCpuCores   cores the whole machine kept busy during the measured window (servers,
 *                          generator and whatever else ran), -1 when not measured: what is left
 *                          after the server's and the generator's share ran beside the run
 */
public record RunResult(
    ScenarioSpec spec, int processes, int clients, int joined, long connectJoinMillis,
    long sent, Tally tally, long errors, long offline, double deliveriesPerSecond,
    Histogram latencyMicros, double cpuSeconds, double wallSeconds,
    ServerFootprint server, String startedAt, double loadAverage, Histogram offlineAfterKillMicros,
    GeneratorLag generatorLag, double machineCpuCores) {

  /** A result without measurements of the generator's own lateness or the machine's CPU. */
  public RunResult(ScenarioSpec spec, int processes, int clients, int joined, long connectJoinMillis,
      long sent, Tally tally, long errors, long offline, double deliveriesPerSecond,
      Histogram latencyMicros, double cpuSeconds, double wallSeconds,
      ServerFootprint server, String startedAt, double loadAverage, Histogram offlineAfterKillMicros) {
    this(spec, processes, clients, joined, connectJoinMillis, sent, tally, errors, offline, deliveriesPerSecond,
        latencyMicros, cpuSeconds, wallSeconds, server, startedAt, loadAverage, offlineAfterKillMicros,
        GeneratorLag.none(), -1);
  }

  /** CPU cores the generator kept busy on average. */
  public double cpuCores() {
    return wallSeconds == 0 ? 0 : cpuSeconds / wallSeconds;
  }

  /** Latency percentile in milliseconds. */
  public double latencyMillis(double percentile) {
    return millis(latencyMicros, percentile);
  }

  public double maxLatencyMillis() {
    return millis(latencyMicros, 100);
  }

  /** A percentile of a microsecond histogram in milliseconds; 0 when it is empty. */
  public static double millis(Histogram micros, double percentile) {
    return micros.getTotalCount() == 0 ? 0 : micros.getValueAtPercentile(percentile) / 1000.0;
  }

  /** The result of a scenario split over several processes, each with its own rooms. */
  public static RunResult merge(List<RunResult> parts, ScenarioSpec spec, double cpuSeconds,
      double wallSeconds, ServerFootprint server) {
    Histogram latency = LatencyHistograms.create();
    Tally tally = Tally.ZERO;
    int clients = 0;
    int joined = 0;
    long connectJoin = 0;
    long sent = 0;
    long errors = 0;
    long offline = 0;
    double deliveries = 0;
    String startedAt = parts.isEmpty() ? "" : parts.get(0).startedAt();
    double load = 0;
    Histogram offlineAfterKill = LatencyHistograms.create();
    GeneratorLag lag = GeneratorLag.none();
    double machine = -1;
    for (RunResult part : parts) {
      machine = Math.max(machine, part.machineCpuCores()); // one machine, seen by every part
      lag = lag.plus(part.generatorLag());
      latency.add(part.latencyMicros());
      tally = tally.plus(part.tally());
      clients += part.clients();
      joined += part.joined();
      connectJoin = Math.max(connectJoin, part.connectJoinMillis());
      sent += part.sent();
      errors += part.errors();
      offline += part.offline();
      deliveries += part.deliveriesPerSecond();
      cpuSeconds += part.cpuSeconds();
      load = Math.max(load, part.loadAverage());
      offlineAfterKill.add(part.offlineAfterKillMicros());
    }
    return new RunResult(spec, parts.size(), clients, joined, connectJoin, sent, tally, errors,
        offline, deliveries, latency, cpuSeconds, wallSeconds, server, startedAt, load, offlineAfterKill, lag, machine);
  }
}
