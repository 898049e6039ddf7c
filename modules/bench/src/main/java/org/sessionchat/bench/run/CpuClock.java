package org.sessionchat.bench.run;

import java.lang.management.ManagementFactory;

/** CPU time this JVM has used, so a result can say whether the generator was the bottleneck. */
public final class CpuClock {

  private CpuClock() {
  }

  public static long processCpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return 0;
  }
}
