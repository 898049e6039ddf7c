package org.sessionchat.bench.result;

/**
 * What the measured server process(es) used: memory (resident set from {@code /proc}, and for
 * JVMs the heap in use right after a full GC), read at the moment {@code memoryProbe} says,
 * and CPU cores kept busy during the measured window, so a reader sees whether the server or
 * the generator was the bottleneck. -1 when not measured.
 */
public record ServerFootprint(double rssMegabytes, double heapUsedMegabytes, double cpuCores,
    MemoryProbe memoryProbe) {

  public static final ServerFootprint UNKNOWN = new ServerFootprint(-1, -1, -1, MemoryProbe.NONE);

  /** The footprint of several processes read at the same moment. */
  public ServerFootprint plus(ServerFootprint other) {
    return new ServerFootprint(sum(rssMegabytes, other.rssMegabytes),
        sum(heapUsedMegabytes, other.heapUsedMegabytes), sum(cpuCores, other.cpuCores),
        memoryProbe == MemoryProbe.NONE ? other.memoryProbe : memoryProbe);
  }

  public ServerFootprint withCpu(double cores) {
    return new ServerFootprint(rssMegabytes, heapUsedMegabytes, cores, memoryProbe);
  }

  private static double sum(double a, double b) {
    if (a < 0) {
      return b;
    }
    return b < 0 ? a : a + b;
  }
}
