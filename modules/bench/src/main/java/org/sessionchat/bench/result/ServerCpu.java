package org.sessionchat.bench.result;

/**
 * The CPU the measured server process(es) used in the measured window, and how much of it was
 * the kernel's, with the socket writes it made: two servers with the same CPU per delivery may
 * spend it very differently (one in its own code, one in the kernel writing many small
 * pieces), and only the split says which part a change can win back. -1 when not measured.
 *
 * @param cores               CPU cores kept busy (user and kernel time over the window)
 * @param systemCores         of those, the kernel's time for the processes
 * @param writeCallsPerSecond write system calls per second (every socket write is one)
 */
public record ServerCpu(double cores, double systemCores, double writeCallsPerSecond) {

  public static final ServerCpu UNKNOWN = new ServerCpu(-1, -1, -1);

  /** Only the total known (result lines written before the split was measured). */
  public static ServerCpu ofCores(double cores) {
    return new ServerCpu(cores, -1, -1);
  }

  /** The CPU of several processes over one window. */
  ServerCpu plus(ServerCpu other) {
    return new ServerCpu(Sums.ofKnown(cores, other.cores), Sums.ofKnown(systemCores, other.systemCores),
        Sums.ofKnown(writeCallsPerSecond, other.writeCallsPerSecond));
  }
}
