package org.sessionchat.session.impl;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.sessionchat.session.EndReason;
import org.sessionchat.session.SessionMetrics;

/** The counters behind {@link SessionMetrics}: contention-free adders, updated from any context. */
public final class MetricCounters implements SessionMetrics {

  private final ConcurrentHashMap<String, LongAdder> started = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, LongAdder> ended = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, LongAdder> violations = new ConcurrentHashMap<>();
  /** Messages monitored: a striped adder, each event loop counting in a cell of its own. */
  private final LongAdder monitored = new LongAdder();
  private final LongAdder offline = new LongAdder();
  private final LongAdder late = new LongAdder();
  private final LongAdder malformed = new LongAdder();
  private final LongAdder forged = new LongAdder();
  private final LongAdder allowed = new LongAdder();

  void sessionStarted(String protocol) {
    started.computeIfAbsent(protocol, p -> new LongAdder()).increment();
  }

  void sessionEnded(String protocol, EndReason reason) {
    ended.computeIfAbsent(protocol, p -> new LongAdder()).increment();
    if (reason == EndReason.PARTICIPANT_OFFLINE) {
      offline.increment();
    }
  }

  void monitored() {
    monitored.increment();
  }

  /** {@code count} more messages monitored (a batch's, counted once). */
  void monitored(int count) {
    if (count > 0) {
      monitored.add(count);
    }
  }

  void violation(String protocol, String role, String label) {
    violations.computeIfAbsent(protocol + "/" + role + "/" + label, k -> new LongAdder()).increment();
  }

  void allowedViolation() {
    allowed.increment();
  }

  void late() {
    late.increment();
  }

  void forged() {
    forged.increment();
  }

  void malformed() {
    malformed.increment();
  }

  @Override
  public Map<String, Long> sessionsStarted() {
    return sums(started);
  }

  @Override
  public Map<String, Long> sessionsEnded() {
    return sums(ended);
  }

  @Override
  public long messagesMonitored() {
    return monitored.sum();
  }

  @Override
  public Map<String, Long> violations() {
    return sums(violations);
  }

  @Override
  public long violationCount() {
    return violations.values().stream().mapToLong(LongAdder::sum).sum();
  }

  @Override
  public long participantOffline() {
    return offline.sum();
  }

  @Override
  public long lateMessages() {
    return late.sum();
  }

  @Override
  public long malformedMessages() {
    return malformed.sum();
  }

  @Override
  public long forgedEnvelopes() {
    return forged.sum();
  }

  @Override
  public long violationsAllowed() {
    return allowed.sum();
  }

  @Override
  public Map<String, Object> snapshot() {
    Map<String, Object> all = new LinkedHashMap<>();
    all.put("sessionsStarted", sessionsStarted());
    all.put("sessionsEnded", sessionsEnded());
    all.put("messagesMonitored", messagesMonitored());
    all.put("violations", violations());
    all.put("participantOffline", participantOffline());
    all.put("lateMessages", lateMessages());
    all.put("malformedMessages", malformedMessages());
    all.put("forgedEnvelopes", forgedEnvelopes());
    all.put("violationsAllowed", violationsAllowed());
    return all;
  }

  private static Map<String, Long> sums(Map<String, LongAdder> adders) {
    Map<String, Long> out = new TreeMap<>();
    adders.forEach((key, adder) -> out.put(key, adder.sum()));
    return out;
  }

  @Override
  public String toString() {
    return snapshot().toString();
  }
}
