package org.sessionchat.bench.result;

/**
 * What the measured server process(es) used: memory once every client was in (resident set
 * from {@code /proc}, and for JVMs the heap in use right after a full GC) and CPU cores kept
 * busy during the measured window, so a reader sees whether the server or the generator was
 * the bottleneck. -1 when not measured.
 */
public record ServerFootprint(double rssMegabytes, double heapUsedMegabytes, double cpuCores) {

  public static final ServerFootprint UNKNOWN = new ServerFootprint(-1, -1, -1);

  public ServerFootprint plus(ServerFootprint other) {
    return new ServerFootprint(sum(rssMegabytes, other.rssMegabytes),
        sum(heapUsedMegabytes, other.heapUsedMegabytes), sum(cpuCores, other.cpuCores));
  }

  public ServerFootprint withCpu(double cores) {
    return new ServerFootprint(rssMegabytes, heapUsedMegabytes, cores);
  }

  private static double sum(double a, double b) {
    if (a < 0) {
      return b;
    }
    return b < 0 ? a : a + b;
  }
}
