package org.sessionchat.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sessionchat.bench.result.MemoryProbe;
import org.sessionchat.bench.result.ServerFootprint;

class ServerProbeTest {

  private final long self = ProcessHandle.current().pid();

  @Test
  void readsResidentSetAndHeapOfAJvm() {
    ServerFootprint footprint = ServerProbe.measure(List.of(self), MemoryProbe.AFTER_JOIN);

    assertThat(footprint.memoryProbe()).isEqualTo(MemoryProbe.AFTER_JOIN);
    assertThat(footprint.rssMegabytes()).isGreaterThan(10);
    assertThat(footprint.heapUsedMegabytes()).isGreaterThan(0).isLessThan(footprint.rssMegabytes());
  }

  @Test
  void cpuTimeOfARunningProcessAndOfTheMachineGrows() {
    double before = ServerProbe.cpuSeconds(List.of(self));
    double machineBefore = ServerProbe.machineCpuSeconds();
    long spin = System.nanoTime() + 300_000_000L;
    long sink = 0;
    while (System.nanoTime() < spin) {
      sink += System.nanoTime() % 7;
    }

    assertThat(sink).isNotNegative();
    assertThat(ServerProbe.cpuSeconds(List.of(self))).isGreaterThan(before);
    assertThat(ServerProbe.machineCpuSeconds()).isGreaterThan(machineBefore);
  }

  @Test
  void withoutProcessesNothingIsRead() {
    assertThat(ServerProbe.measure(List.of(), MemoryProbe.AFTER_DRAIN)).isEqualTo(ServerFootprint.UNKNOWN);
  }

  @Test
  void processThatIsGoneIsUnknown() {
    assertThat(ServerProbe.cpuSeconds(List.of(Long.MAX_VALUE))).isEqualTo(-1);
    assertThat(ServerProbe.cpuSeconds(List.of())).isEqualTo(-1);
  }
}
