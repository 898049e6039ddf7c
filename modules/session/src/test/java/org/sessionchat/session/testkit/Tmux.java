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
 * A tmux server of its own (its own socket name, so it never touches anyone's sessions)
 * with one window running a command: keys in, screen text out. For testing a program
 * that needs a real terminal: the terminal client, irssi, WeeChat.
 */
public final class Tmux implements AutoCloseable {

  private final String socket = "sc-test-" + UUID.randomUUID().toString().substring(0, 8);

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

  @Override
  public void close() {
    try {
      run("kill-server");
    } catch (RuntimeException e) {
      // the server ends by itself once its last session is gone
    }
  }

  private String run(String... args) {
    List<String> command = new ArrayList<>(List.of("tmux", "-L", socket));
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
