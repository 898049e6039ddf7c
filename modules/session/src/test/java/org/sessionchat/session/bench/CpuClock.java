package org.sessionchat.session.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * CPU time used by a set of threads (the event loops the actors run on), read at the start
 * and the end of a run's timed window. On a machine others load, wall-clock messages/s
 * moves with how much of a core the run got; CPU nanoseconds per message mostly does not.
 * {@link #NONE} for actors in other JVMs.
 */
interface CpuClock {

  CpuClock NONE = () -> -1;

  /** CPU nanoseconds the threads used so far; negative if not known. */
  long nanos();

  static CpuClock of(long[] threadIds) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    if (!threads.isThreadCpuTimeSupported()) {
      return NONE;
    }
    threads.setThreadCpuTimeEnabled(true);
    return () -> {
      long sum = 0;
      for (long id : threadIds) {
        sum += Math.max(0, threads.getThreadCpuTime(id));
      }
      return sum;
    };
  }
}
