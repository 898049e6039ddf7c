package org.sessionchat.bench.result;

/**
 * What the measured server process(es) used: memory (resident set from {@code /proc}, and for
 * JVMs the heap in use right after a full GC), read at the moment {@code memoryProbe} says,
 * and the CPU kept busy during the measured window ({@link ServerCpu}), so a reader sees
 * whether the server or the generator was the bottleneck. -1 when not measured.
 */
public record ServerFootprint(double rssMegabytes, double heapUsedMegabytes, ServerCpu cpu,
    MemoryProbe memoryProbe) {

  public static final ServerFootprint UNKNOWN = new ServerFootprint(-1, -1, ServerCpu.UNKNOWN, MemoryProbe.NONE);

  /** The footprint of several processes read at the same moment. */
  public ServerFootprint plus(ServerFootprint other) {
    return new ServerFootprint(Sums.ofKnown(rssMegabytes, other.rssMegabytes),
        Sums.ofKnown(heapUsedMegabytes, other.heapUsedMegabytes), cpu.plus(other.cpu),
        memoryProbe == MemoryProbe.NONE ? other.memoryProbe : memoryProbe);
  }

  public ServerFootprint withCpu(ServerCpu windowCpu) {
    return new ServerFootprint(rssMegabytes, heapUsedMegabytes, windowCpu, memoryProbe);
  }

  /** CPU cores kept busy in the window, -1 when not measured. */
  public double cpuCores() {
    return cpu.cores();
  }
}
