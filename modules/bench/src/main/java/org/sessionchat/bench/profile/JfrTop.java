package org.sessionchat.bench.profile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Reads a JFR recording of a chat node and prints, as Markdown tables, where its CPU went:
 * the methods the execution samples were in (self), the layer each sample was in (self, JDK
 * code counted for the layer that called it: the shares add up to 100 %), the share of samples
 * each layer was on the stack for (inclusive: a sample counts once for every layer on its stack),
 * and optionally the sites that allocated the most. This is how the profiles in
 * {@code docs/benchmarks.md} are made, so a before/after pair is read the same way.
 */
@Command(name = "jfr-top", mixinStandardHelpOptions = true,
    description = "Top frames and layers of a JFR recording's execution samples, as Markdown.")
public final class JfrTop implements Callable<Integer> {

  @Parameters(index = "0", description = "the .jfr file")
  Path recording;

  @Option(names = "--top", defaultValue = "15", description = "rows per table (default ${DEFAULT-VALUE})")
  int top;

  @Option(names = "--allocations", description = "also the top allocation sites (jdk.ObjectAllocationSample)")
  boolean allocations;

  public static void main(String[] args) {
    System.exit(new CommandLine(new JfrTop()).execute(args));
  }

  @Override
  public Integer call() throws IOException {
    Counts self = new Counts();
    Counts layers = new Counts();
    Counts selfLayers = new Counts();
    Counts ours = new Counts();
    Counts allocated = new Counts();
    long samples = 0;
    for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
      RecordedStackTrace stack = event.getStackTrace();
      if (stack == null || stack.getFrames().isEmpty()) {
        continue;
      }
      String type = event.getEventType().getName();
      if (type.equals("jdk.ExecutionSample")) {
        samples++;
        List<RecordedFrame> frames = stack.getFrames();
        self.add(selfKey(frames), 1);
        selfLayers.add(Layer.of(firstOwnFrame(frames)), 1);
        Set<String> seenLayers = new HashSet<>();
        Set<String> seenMethods = new HashSet<>();
        for (RecordedFrame frame : frames) {
          String method = name(frame);
          seenLayers.add(Layer.of(method));
          if (method.startsWith("org.sessionchat.")) {
            seenMethods.add(method);
          }
        }
        seenLayers.forEach(layer -> layers.add(layer, 1));
        seenMethods.forEach(method -> ours.add(method, 1));
      } else if (allocations && type.equals("jdk.ObjectAllocationSample")) {
        allocated.add(firstOwnFrame(stack.getFrames()) + " → " + event.getClass("objectClass").getName(),
            event.getLong("weight"));
      }
    }
    System.out.printf(Locale.ROOT, "%d execution samples in %s%n", samples, recording.getFileName());
    System.out.print(table("share of samples (self)", "method", self, samples, top));
    System.out.print(table("share of samples (self; JDK code counts for its caller)", "layer", selfLayers, samples,
        Layer.values().length));
    System.out.print(table("share of samples (on the stack)", "layer", layers, samples, Layer.values().length));
    System.out.print(table("share of samples (on the stack)", "session-chat method", ours, samples, top));
    if (allocations) {
      System.out.print(table("share of sampled bytes", "allocation site → class", allocated, allocated.total(), top));
    }
    return 0;
  }

  /** The top frame; for a JDK method also its first caller outside the JDK (who hashed that string?). */
  private static String selfKey(List<RecordedFrame> frames) {
    String top = name(frames.get(0));
    if (!isJdk(top)) {
      return top;
    }
    String caller = firstOwnFrame(frames);
    return caller.equals(top) ? top : top + " ← " + caller;
  }

  private static boolean isJdk(String method) {
    return method.startsWith("java.") || method.startsWith("jdk.") || method.startsWith("sun.");
  }

  /** The allocation's first frame outside the JDK, or its top frame. */
  private static String firstOwnFrame(List<RecordedFrame> frames) {
    for (RecordedFrame frame : frames) {
      String method = name(frame);
      if (!isJdk(method)) {
        return method;
      }
    }
    return name(frames.get(0));
  }

  /** Class and method; a lambda's generated class name loses its run-specific number and address. */
  static String name(RecordedFrame frame) {
    String type = frame.getMethod().getType().getName();
    int lambda = type.indexOf("$$Lambda");
    if (lambda >= 0) {
      type = type.substring(0, lambda) + "$$Lambda";
    }
    return type + "." + frame.getMethod().getName();
  }

  static String table(String share, String what, Counts counts, long total, int rows) {
    StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%n| %s | %s |%n|---|---|%n", share, what));
    for (Map.Entry<String, Long> row : counts.top(rows)) {
      out.append(String.format(Locale.ROOT, "| %.1f %% | `%s` |%n", 100.0 * row.getValue() / Math.max(1, total),
          row.getKey()));
    }
    return out.toString();
  }

  /** Counts per key, largest first on request. */
  static final class Counts {
    private final Map<String, Long> counts = new HashMap<>();

    void add(String key, long n) {
      counts.merge(key, n, Long::sum);
    }

    long total() {
      return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    List<Map.Entry<String, Long>> top(int n) {
      List<Map.Entry<String, Long>> sorted = new ArrayList<>(counts.entrySet());
      sorted.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
      return List.copyOf(sorted.subList(0, Math.min(n, sorted.size())));
    }
  }
}
