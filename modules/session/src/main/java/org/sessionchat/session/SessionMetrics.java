package org.sessionchat.session;

import java.util.Map;

/**
 * Counters of one node's runtime, for logs, health pages and the benchmark.
 *
 * <p>Why counters and not log lines: the monitor runs for every message; counting is cheap
 * enough to leave on, logging is not. Keys of the per-protocol maps are protocol names;
 * violation keys are {@code protocol/role/label}.
 */
public interface SessionMetrics {

  /** Sessions this node initiated that were established, by protocol. */
  Map<String, Long> sessionsStarted();

  /** Conversations (one participant's view of a session) that ended on this node, by protocol. */
  Map<String, Long> sessionsEnded();

  /** Messages that passed a monitor on this node (outbound and inbound each count). */
  long messagesMonitored();

  /** Messages a monitor on this node refused, by {@code protocol/role/label} (none with monitoring off). */
  Map<String, Long> violations();

  /** Total of {@link #violations()}. */
  long violationCount();

  /** Conversations that ended on this node with {@link EndReason#PARTICIPANT_OFFLINE}. */
  long participantOffline();

  /** Messages dropped because their session had already ended here (or was unknown). */
  long lateMessages();

  /** Event-bus messages to this node that were not a decodable envelope. */
  long malformedMessages();

  /**
   * Envelopes from other nodes refused because they were not bound to their sender: no or a
   * wrong sender tag, or a sender actor on another node than the one that sent them.
   */
  default long forgedEnvelopes() {
    return 0;
  }

  /**
   * Messages a monitor would have refused but let through because monitoring is off
   * ({@code monitorEnabled=false}: it tracks, never refuses). Always 0 with the monitor on.
   */
  long violationsAllowed();

  /** Every counter as one flat map, e.g. for a health page. */
  Map<String, Object> snapshot();
}
