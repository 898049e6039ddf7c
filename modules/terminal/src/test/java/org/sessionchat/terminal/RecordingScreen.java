package org.sessionchat.terminal;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jline.utils.AttributedString;

/** A {@link Screen} that keeps what it was shown, for assertions. */
final class RecordingScreen implements Screen {

  private final List<String> lines = new ArrayList<>();
  private volatile String prompt = "";

  @Override
  public synchronized void show(AttributedString line) {
    lines.add(line.toString());
  }

  @Override
  public void prompt(String prompt) {
    this.prompt = prompt;
  }

  synchronized List<String> lines() {
    return List.copyOf(lines);
  }

  String prompt() {
    return prompt;
  }

  /** Waits until a line containing {@code text} was shown; returns it. */
  String awaitLine(String text) {
    try {
      return await().atMost(Duration.ofSeconds(30)).until(
          () -> lines().stream().filter(l -> l.contains(text)).findFirst().orElse(null), l -> l != null);
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      throw new AssertionError("no line with '" + text + "' within 30 s; the screen showed:\n" + String.join("\n", lines()), e);
    }
  }
}
