package org.sessionchat.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sessionchat.bench.result.MemoryProbe;
import org.sessionchat.bench.result.ServerCpu;
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
  void heapInUseIsTheWholeHeapsLineUnderG1() {
    String g1 = """
         garbage-first heap   total 389120K, used 14628K [0x00000000c0000000, 0x0000000100000000)
          region size 1024K, 14 young (14336K), 0 survivors (0K)
         Metaspace       used 8922K, committed 9088K, reserved 1114112K
          class space    used 1062K, committed 1152K, reserved 1048576K
        """;

    assertThat(ServerProbe.heapUsedKilobytes(g1)).isEqualTo(14628);
  }

  @Test
  void heapInUseIsTheSumOfTheGenerationsUnderTheParallelCollector() {
    String parallel = """
         PSYoungGen      total 113152K, used 1458K [0x00000000eab00000, 0x00000000f2900000, 0x0000000100000000)
          eden space 97280K, 1% used [0x00000000eab00000,0x00000000ebe00980,0x00000000f0a00000)
          from space 15872K, 0% used [0x00000000f1980000,0x00000000f1980000,0x00000000f2900000)
          to   space 15872K, 0% used [0x00000000f0a00000,0x00000000f0a00000,0x00000000f1980000)
         ParOldGen       total 258048K, used 250000K [0x00000000c0000000, 0x00000000cfc00000, 0x00000000eab00000)
          object space 258048K, 96% used [0x00000000c0000000,0x00000000c0000000,0x00000000cfc00000)
         Metaspace       used 8920K, committed 9088K, reserved 1114112K
          class space    used 1062K, committed 1152K, reserved 1048576K
        """;

    assertThat(ServerProbe.heapUsedKilobytes(parallel)).isEqualTo(1458 + 250000);
  }

  @Test
  void heapInUseIsUnknownWhenTheOutputNamesNoHeap() {
    assertThat(ServerProbe.heapUsedKilobytes("11047:\ncom.sun.tools.attach.AttachNotSupportedException")).isEqualTo(-1);
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
  void kernelTimeAndWriteCallsOfThisProcessGrowWithItsWrites() throws Exception {
    ProcessCounters before = ServerProbe.counters(List.of(self));
    Path file = Files.createTempFile("probe", ".bin");
    try (FileOutputStream out = new FileOutputStream(file.toFile())) {
      for (int i = 0; i < 20_000; i++) {
        out.write(i); // one write system call each: an unbuffered stream
      }
    } finally {
      Files.delete(file);
    }
    ProcessCounters after = ServerProbe.counters(List.of(self));

    assertThat(after.writeCalls()).isGreaterThanOrEqualTo(before.writeCalls() + 20_000);
    assertThat(after.systemSeconds()).isGreaterThanOrEqualTo(before.systemSeconds());
    ServerCpu window = after.since(before, 2.0);
    assertThat(window.writeCallsPerSecond()).isGreaterThanOrEqualTo(10_000);
    assertThat(window.cores()).isGreaterThanOrEqualTo(window.systemCores()).isGreaterThanOrEqualTo(0);
    assertThat(after.since(ProcessCounters.UNKNOWN, 2.0)).isEqualTo(ServerCpu.UNKNOWN);
  }

  @Test
  void withoutProcessesNothingIsRead() {
    assertThat(ServerProbe.measure(List.of(), MemoryProbe.AFTER_DRAIN)).isEqualTo(ServerFootprint.UNKNOWN);
  }

  @Test
  void processThatIsGoneIsUnknown() {
    assertThat(ServerProbe.cpuSeconds(List.of(Long.MAX_VALUE))).isEqualTo(-1);
    assertThat(ServerProbe.cpuSeconds(List.of())).isEqualTo(-1);
    assertThat(ServerProbe.counters(List.of(Long.MAX_VALUE))).isEqualTo(ProcessCounters.UNKNOWN);
  }
}
