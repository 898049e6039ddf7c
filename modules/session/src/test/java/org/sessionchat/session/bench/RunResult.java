package org.sessionchat.session.bench;

import org.HdrHistogram.Histogram;

/**
 * One measured run: how many messages in how long, how much CPU the actors' event loops used
 * meanwhile, and (ping-pong only) the round trips.
 *
 * @param cpuNanos        CPU time of the event loops during the run; negative if not known
 * @param roundTripsNanos null for fan-out runs
 */
record RunResult(long messages, long nanos, long cpuNanos, Histogram roundTripsNanos) {

  double messagesPerSecond() {
    return messages * 1e9 / nanos;
  }

  /** CPU nanoseconds of the event loops per message; NaN if not known. */
  double cpuNanosPerMessage() {
    return cpuNanos < 0 ? Double.NaN : cpuNanos / (double) messages;
  }
}
