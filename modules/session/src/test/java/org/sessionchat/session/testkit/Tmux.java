package org.sessionchat.session.testkit;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A tmux server of its own (its own socket file, so it never touches anyone's sessions)
 * with one window running a command: keys in, screen text out. For testing a program
 * that needs a real terminal: the terminal client, irssi, WeeChat.
 */
public final class Tmux implements AutoCloseable {

  private static final int EXIT_WAIT_SECONDS = 10;

  /** The server's socket: a file of its own, removed by {@link #close} (tmux leaves it behind). */
  private final Path socket = Path.of(System.getProperty("java.io.tmpdir"),
      "sc-tmux-" + UUID.randomUUID().toString().substring(0, 8));

  /** True if a tmux binary is on the PATH. */
  public static boolean available() {
    try {
      return new ProcessBuilder("tmux", "-V").redirectErrorStream(true).start().waitFor(10, TimeUnit.SECONDS);
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Starts {@code command} (one shell line) in a detached window of {@code width} x {@code height}. */
  public static Tmux start(String command, int width, int height) {
    Tmux tmux = new Tmux();
    tmux.run("-f", "/dev/null", "new-session", "-d", "-s", "main", "-x", String.valueOf(width), "-y", String.valueOf(height), command);
    tmux.run("set-option", "-t", "main", "remain-on-exit", "on");
    return tmux;
  }

  /** Types {@code text} literally (no key names). */
  public void type(String text) {
    run("send-keys", "-t", "main", "-l", text);
  }

  /** Presses keys by tmux name: {@code Enter}, {@code Left}, {@code Up}, {@code C-c}. */
  public void press(String... keys) {
    List<String> args = new ArrayList<>(List.of("send-keys", "-t", "main"));
    args.addAll(List.of(keys));
    run(args.toArray(String[]::new));
  }

  /** The visible text of the window, trailing blank lines dropped. */
  public String screen() {
    return run("capture-pane", "-p", "-J", "-t", "main").stripTrailing();
  }

  /** The visible window with its colour escapes. */
  public String screenWithEscapes() {
    return run("capture-pane", "-p", "-e", "-t", "main");
  }

  /** The last non-blank line of the window: where the prompt is. */
  public String lastLine() {
    String[] lines = screen().split("\n");
    return lines[lines.length - 1];
  }

  /** True once the command in the window has ended. */
  public boolean exited() {
    return run("display-message", "-p", "-t", "main", "#{pane_dead}").strip().equals("1");
  }

  /** Waits until the screen matches {@code condition}; the screen is in the failure message. */
  public String awaitScreen(String what, Predicate<String> condition) {
    return await(what).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
        .until(this::screen, condition);
  }

  public String awaitScreenContains(String text) {
    return awaitScreen("screen shows '" + text + "'", s -> s.contains(text));
  }

  /**
   * Ends the tmux server and waits until the programs that ran in it have exited (up to
   * {@value #EXIT_WAIT_SECONDS} s, then they are killed): tmux only hangs up on them, and a
   * program may still be writing, WeeChat its configuration say, into a directory its test is
   * about to delete.
   */
  @Override
  public void close() {
    List<ProcessHandle> programs = programs();
    try {
      run("kill-server");
    } catch (RuntimeException e) {
      // the server ends by itself once its last session is gone
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(EXIT_WAIT_SECONDS);
    for (ProcessHandle program : programs) {
      try {
        program.onExit().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
        program.destroyForcibly();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        program.destroyForcibly();
      }
    }
    try {
      Files.deleteIfExists(socket);
    } catch (IOException e) {
      // a stale socket file in the temporary directory harms nobody
    }
  }

  /** The processes of the window (its command and what that started), or none if tmux cannot tell. */
  private List<ProcessHandle> programs() {
    List<ProcessHandle> programs = new ArrayList<>();
    try {
      for (String pid : run("list-panes", "-a", "-F", "#{pane_pid}").strip().split("\\s+")) {
        ProcessHandle.of(Long.parseLong(pid)).ifPresent(pane -> {
          programs.add(pane);
          pane.descendants().forEach(programs::add);
        });
      }
    } catch (RuntimeException e) {
      // no server any more, or no pane: nothing to wait for
    }
    return programs;
  }

  private String run(String... args) {
    List<String> command = new ArrayList<>(List.of("tmux", "-S", socket.toString()));
    command.addAll(List.of(args));
    try {
      Path output = Files.createTempFile("tmux", ".out");
      try {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().putIfAbsent("TERM", "xterm-256color");
        Process process = builder.start();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
          process.destroyForcibly();
          throw new IllegalStateException("tmux did not answer: " + command);
        }
        String text = Files.readString(output, StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
          throw new IllegalStateException("tmux " + String.join(" ", args) + " failed: " + text);
        }
        return text;
      } finally {
        Files.deleteIfExists(output);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
