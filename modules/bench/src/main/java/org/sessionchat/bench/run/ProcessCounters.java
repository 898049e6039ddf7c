package org.sessionchat.bench.run;

import org.sessionchat.bench.result.ServerCpu;

/**
 * What the kernel has counted for some processes so far: CPU seconds in user space and in
 * the kernel ({@code /proc/<pid>/stat}) and write system calls ({@code /proc/<pid>/io}).
 * Two readings, at the measured window's start and end, make its {@link ServerCpu}.
 *
 * @param userSeconds   CPU seconds spent in the processes' own code
 * @param systemSeconds CPU seconds the kernel spent for them (socket writes and reads, wake-ups)
 * @param writeCalls    write system calls ({@code syscw}: write, writev, send...), -1 when unknown
 */
public record ProcessCounters(double userSeconds, double systemSeconds, long writeCalls) {

  /** Nothing read: a process was gone or {@code /proc} could not be read. */
  public static final ProcessCounters UNKNOWN = new ProcessCounters(-1, -1, -1);

  public boolean known() {
    return userSeconds >= 0 && systemSeconds >= 0;
  }

  ProcessCounters plus(ProcessCounters other) {
    return new ProcessCounters(userSeconds + other.userSeconds, systemSeconds + other.systemSeconds,
        writeCalls < 0 || other.writeCalls < 0 ? -1 : writeCalls + other.writeCalls);
  }

  /** From {@code start} (an earlier reading) to this one, over {@code seconds}; unknown if either is. */
  public ServerCpu since(ProcessCounters start, double seconds) {
    if (!known() || !start.known() || seconds <= 0) {
      return ServerCpu.UNKNOWN;
    }
    double writes = writeCalls < 0 || start.writeCalls < 0 ? -1 : (writeCalls - start.writeCalls) / seconds;
    return new ServerCpu((userSeconds - start.userSeconds + systemSeconds - start.systemSeconds) / seconds,
        (systemSeconds - start.systemSeconds) / seconds, writes);
  }
}
