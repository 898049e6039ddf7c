package org.sessionchat.session.impl;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
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
  /** Messages monitored, one count per event-loop thread (see {@link ThreadCount}). */
  private final ConcurrentHashMap<Thread, ThreadCount> monitored = new ConcurrentHashMap<>();
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

  /** The count of messages monitored on {@code thread}; to be incremented on that thread only. */
  ThreadCount monitoredOn(Thread thread) {
    return monitored.computeIfAbsent(thread, t -> new ThreadCount());
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
    long sum = 0;
    for (ThreadCount count : monitored.values()) {
      sum += count.get();
    }
    return sum;
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

  /**
   * A counter written by one thread and read by any: the monitor counts every message on the
   * thread of the actor it checks it for, so a count per event loop needs no atomic
   * instruction and no cache line shared between cores on the per-message path (a shared
   * adder did both, twice per message). Padded so that two threads' counts never share a line.
   */
  static final class ThreadCount {
    private static final VarHandle VALUE;

    static {
      try {
        VALUE = MethodHandles.lookup().findVarHandle(ThreadCount.class, "value", long.class);
      } catch (ReflectiveOperationException e) {
        throw new ExceptionInInitializerError(e);
      }
    }

    @SuppressWarnings("unused")
    private long p1, p2, p3, p4, p5, p6, p7;
    private long value;
    @SuppressWarnings("unused")
    private long q1, q2, q3, q4, q5, q6, q7;

    /** On the owning thread only. */
    void increment() {
      VALUE.setOpaque(this, value + 1);
    }

    long get() {
      return (long) VALUE.getOpaque(this);
    }
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
