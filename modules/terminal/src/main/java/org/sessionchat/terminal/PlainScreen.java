package org.sessionchat.terminal;

import java.io.PrintStream;
import org.jline.utils.AttributedString;

/**
 * A {@link Screen} for input that is not a terminal (a pipe, a script): one line per line,
 * no colour, no prompt.
 */
final class PlainScreen implements Screen {

  private final PrintStream out;

  PlainScreen(PrintStream out) {
    this.out = out;
  }

  @Override
  public synchronized void show(AttributedString line) {
    out.println(line.toString());
    out.flush();
  }

  @Override
  public void prompt(String prompt) {
    // no prompt without a terminal
  }
}
