package org.sessionchat.bench.run;

import java.io.FileInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sessionchat.bench.result.MemoryProbe;
import org.sessionchat.bench.result.ServerCpu;
import org.sessionchat.bench.result.ServerFootprint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads how much memory server processes on this machine use: resident set from
 * {@code /proc/<pid>/status}, and for a JVM the heap still used after {@code jcmd GC.run}
 * (what the clients really cost, not garbage waiting for collection). That full collection
 * disturbs the JVM it runs in, so callers read memory only at a moment when nothing is timed
 * (see {@link MemoryProbe}).
 */
public final class ServerProbe {

  private static final Logger LOG = LoggerFactory.getLogger(ServerProbe.class);
  private static final Pattern RSS = Pattern.compile("VmRSS:\\s+(\\d+) kB");
  private static final Pattern WRITE_CALLS = Pattern.compile("syscw: (\\d+)");
  /** A heap's or a generation's line of {@code GC.heap_info}; Metaspace's has no total. */
  private static final Pattern HEAP_USED = Pattern.compile("total \\d+K, used (\\d+)K");

  /** USER_HZ: 100 on every Linux this runs on. */
  private static final int CLOCK_TICKS = 100;

  private ServerProbe() {
  }

  /** Memory of the processes, read now; {@code moment} says which moment of the run now is. */
  public static ServerFootprint measure(List<Long> pids, MemoryProbe moment) {
    ServerFootprint total = ServerFootprint.UNKNOWN;
    for (long pid : pids) {
      total = total.plus(measure(pid, moment));
    }
    return total;
  }

  /** CPU seconds (user + system) the processes have used so far; -1 when unknown. */
  public static double cpuSeconds(List<Long> pids) {
    ProcessCounters counters = counters(pids);
    return counters.known() ? counters.userSeconds() + counters.systemSeconds() : -1;
  }

  /**
   * The processes' CPU seconds in user space and in the kernel, and their write system calls,
   * so far; {@link ProcessCounters#UNKNOWN} if there are none or one cannot be read. The write
   * calls are -1 when {@code /proc/<pid>/io} is not readable (another user's process).
   */
  public static ProcessCounters counters(List<Long> pids) {
    if (pids.isEmpty()) {
      return ProcessCounters.UNKNOWN;
    }
    ProcessCounters total = new ProcessCounters(0, 0, 0);
    for (long pid : pids) {
      try {
        String stat = readProc(pid + "/stat");
        // fields after the command name in parentheses; utime and stime are the 14th and 15th
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        total = total.plus(new ProcessCounters(Long.parseLong(fields[11]) / (double) CLOCK_TICKS,
            Long.parseLong(fields[12]) / (double) CLOCK_TICKS, writeCalls(pid)));
      } catch (IOException | RuntimeException e) {
        return ProcessCounters.UNKNOWN;
      }
    }
    return total;
  }

  private static long writeCalls(long pid) {
    try {
      Matcher m = WRITE_CALLS.matcher(readProc(pid + "/io"));
      return m.find() ? Long.parseLong(m.group(1)) : -1;
    } catch (IOException e) {
      return -1;
    }
  }

  /**
   * CPU seconds the whole machine has spent so far on anything but idling and waiting for I/O
   * ({@code /proc/stat}, all cores); -1 when unknown. Over a window, minus the server's and the
   * generator's share, it is what others ran beside a run.
   */
  public static double machineCpuSeconds() {
    try {
      String first = readProc("stat").lines().findFirst().orElseThrow();
      String[] fields = first.trim().split("\\s+"); // cpu user nice system idle iowait irq softirq steal ...
      long busy = 0;
      for (int i = 1; i < Math.min(fields.length, 9); i++) {
        busy += i == 4 || i == 5 ? 0 : Long.parseLong(fields[i]);
      }
      return busy / (double) CLOCK_TICKS;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  static ServerFootprint measure(long pid, MemoryProbe moment) {
    double heap = isJava(pid) ? heapAfterGc(pid) : -1;
    return new ServerFootprint(rssMegabytes(pid), heap, ServerCpu.UNKNOWN, moment);
  }

  private static boolean isJava(long pid) {
    try {
      return readProc(pid + "/comm").trim().equals("java");
    } catch (IOException e) {
      return false;
    }
  }

  private static double rssMegabytes(long pid) {
    try {
      Matcher m = RSS.matcher(readProc(pid + "/status"));
      return m.find() ? Long.parseLong(m.group(1)) / 1024.0 : -1;
    } catch (IOException e) {
      LOG.warn("cannot read memory of process {}: {}", pid, e.getMessage());
      return -1;
    }
  }

  private static double heapAfterGc(long pid) {
    jcmd(pid, "GC.run");
    long kilobytes = heapUsedKilobytes(jcmd(pid, "GC.heap_info"));
    return kilobytes < 0 ? -1 : kilobytes / 1024.0;
  }

  /**
   * The heap in use as {@code GC.heap_info} tells it, or -1: G1 gives the whole heap on one
   * line ({@code garbage-first heap total 123K, used 45K}); the Parallel and Serial collectors
   * give one line per generation (young, then old), and the heap is their sum — after a full
   * collection nearly all of it is in the old one.
   */
  static long heapUsedKilobytes(String heapInfo) {
    Matcher m = HEAP_USED.matcher(heapInfo);
    long used = -1;
    while (m.find()) {
      used = Math.max(used, 0) + Long.parseLong(m.group(1));
    }
    return used;
  }

  /**
   * A file under {@code /proc}, read with a plain stream rather than NIO: the CPU counters are
   * read at the window's start, from another thread than the event loops, and a file channel
   * there is a second class behind the JDK's {@code IOUtil.read} that the loops' socket reads
   * were compiled for with one: the JIT threw their compiled reads away as the window opened.
   */
  private static String readProc(String path) throws IOException {
    try (FileInputStream in = new FileInputStream("/proc/" + path)) {
      return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
    }
  }

  private static String jcmd(long pid, String command) {
    try {
      Process p = new ProcessBuilder("jcmd", Long.toString(pid), command)
          .redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly();
      }
      return out;
    } catch (IOException e) {
      LOG.warn("jcmd {} {} failed: {}", pid, command, e.getMessage());
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }
}
