package org.sessionchat.bench.run;

import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import org.sessionchat.bench.ScenarioSpec;
import org.sessionchat.bench.result.MemoryProbe;
import org.sessionchat.bench.result.ResultJson;
import org.sessionchat.bench.result.RunResult;
import org.sessionchat.bench.result.ServerFootprint;

/**
 * Spreads a scenario over several generator JVMs, each running whole rooms: one process may
 * hold only 20,000 open files here, and an idle-connection test wants more clients than that.
 * Children report {@code JOINED <ms>} and {@code RESULT <json>} on stdout; their progress
 * lines come through on stderr with the child's number in front.
 */
public final class ProcessFanOut {

  static final String JOINED = "JOINED ";
  static final String RESULT = "RESULT ";

  private final ScenarioSpec spec;
  private final int processes;
  private final List<String> javaOptions;
  private final List<Long> serverPids;
  private final Duration limit;

  public ProcessFanOut(ScenarioSpec spec, int processes, List<String> javaOptions,
      List<Long> serverPids, Duration limit) {
    this.spec = spec;
    this.processes = processes;
    this.javaOptions = List.copyOf(javaOptions);
    this.serverPids = List.copyOf(serverPids);
    this.limit = limit;
  }

  /** Starts the children ({@code argsOfSlice} gives the generator arguments of each) and merges their results. */
  public RunResult run(IntFunction<List<String>> argsOfSlice) throws IOException, InterruptedException {
    long cpuStart = CpuClock.processCpuNanos();
    long wallStart = System.nanoTime();
    List<Child> children = new ArrayList<>();
    try {
      for (int i = 0; i < processes; i++) {
        children.add(new Child(i, start(argsOfSlice.apply(i))));
      }
      for (Child child : children) {
        child.joined.get(limit.toSeconds(), TimeUnit.SECONDS);
      }
      // idle clients: read once all are in, as one process does; talking ones: only once all reported
      boolean idle = MemoryProbe.forScenario(spec.senders()) == MemoryProbe.AFTER_JOIN;
      ServerFootprint server = idle ? ServerProbe.measure(serverPids, MemoryProbe.AFTER_JOIN) : null;
      List<RunResult> parts = new ArrayList<>();
      for (Child child : children) {
        parts.add(child.result.get(limit.toSeconds(), TimeUnit.SECONDS));
      }
      if (server == null) {
        server = ServerProbe.measure(serverPids, MemoryProbe.AFTER_RUN);
      }
      return RunResult.merge(parts, spec, (CpuClock.processCpuNanos() - cpuStart) / 1e9,
          (System.nanoTime() - wallStart) / 1e9, server);
    } catch (ExecutionException | TimeoutException e) {
      throw new IOException("a generator child process did not report: " + e.getMessage(), e);
    } finally {
      for (Child child : children) {
        child.process.destroy();
        if (!child.process.waitFor(10, TimeUnit.SECONDS)) {
          child.process.destroyForcibly();
        }
      }
    }
  }

  private Process start(List<String> args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(javaOptions);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("org.sessionchat.bench.LoadGenerator");
    command.addAll(args);
    return new ProcessBuilder(command).start();
  }

  /** A running child and what it has said so far. */
  private static final class Child {
    final Process process;
    final CompletableFuture<Long> joined = new CompletableFuture<>();
    final CompletableFuture<RunResult> result = new CompletableFuture<>();

    Child(int index, Process process) {
      this.process = process;
      Thread stdout = pump("bench-child-" + index + "-out", process.getInputStream(), this::onStdout);
      pump("bench-child-" + index + "-err", process.getErrorStream(),
          line -> System.err.println("[p" + index + "] " + line));
      process.onExit().thenRun(() -> {
        awaitEnd(stdout); // its last lines may still be on their way when the process is gone
        String why = "child " + index + " exited with " + process.exitValue() + " without a result";
        joined.completeExceptionally(new IllegalStateException(why));
        result.completeExceptionally(new IllegalStateException(why));
      });
    }

    private void onStdout(String line) {
      if (line.startsWith(JOINED)) {
        joined.complete(Long.parseLong(line.substring(JOINED.length()).trim()));
      } else if (line.startsWith(RESULT)) {
        result.complete(ResultJson.fromJson(new JsonObject(line.substring(RESULT.length()))));
      }
    }

    private static void awaitEnd(Thread reader) {
      try {
        reader.join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    private static Thread pump(String name, InputStream in, Consumer<String> sink) {
      Thread thread = new Thread(() -> {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
          for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            sink.accept(line);
          }
        } catch (IOException e) {
          // the child is gone; its exit is reported by onExit
        }
      }, name);
      thread.setDaemon(true);
      thread.start();
      return thread;
    }
  }
}
