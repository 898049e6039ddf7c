package org.sessionchat.bench.result;

/**
 * Memory the measured server process(es) used once every client was in: resident set from
 * {@code /proc}, and for JVMs the heap in use right after a full GC. -1 when not measured.
 */
public record ServerFootprint(double rssMegabytes, double heapUsedMegabytes) {

  public static final ServerFootprint UNKNOWN = new ServerFootprint(-1, -1);

  public ServerFootprint plus(ServerFootprint other) {
    return new ServerFootprint(sum(rssMegabytes, other.rssMegabytes),
        sum(heapUsedMegabytes, other.heapUsedMegabytes));
  }

  private static double sum(double a, double b) {
    if (a < 0) {
      return b;
    }
    return b < 0 ? a : a + b;
  }
}
