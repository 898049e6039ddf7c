package org.sessionchat.session.bench;

import org.HdrHistogram.Histogram;

/**
 * One measured run: how many messages in how long, and (ping-pong only) the round trips.
 *
 * @param roundTripsNanos null for fan-out runs
 */
record RunResult(long messages, long nanos, Histogram roundTripsNanos) {

  double messagesPerSecond() {
    return messages * 1e9 / nanos;
  }
}
