package org.sessionchat.terminal;

import org.jline.reader.LineReader;
import org.jline.reader.impl.LineReaderImpl;
import org.jline.utils.AttributedString;

/**
 * A {@link Screen} on a JLine {@link LineReader}: lines appear above the prompt while the
 * person types, and the prompt is redrawn when the nick, room or connection changes.
 */
final class JLineScreen implements Screen {

  private final LineReader reader;

  JLineScreen(LineReader reader) {
    this.reader = reader;
  }

  @Override
  public void show(AttributedString line) {
    reader.printAbove(line);
  }

  @Override
  public void prompt(String prompt) {
    if (reader instanceof LineReaderImpl impl) {
      impl.setPrompt(prompt);
    }
    if (reader.isReading()) {
      try {
        reader.callWidget(LineReader.REDISPLAY); // redraws what changed, and clears what the old prompt left
      } catch (IllegalStateException finishedMeanwhile) {
        // readLine returned in between; the next one shows the new prompt
      }
    }
  }
}
