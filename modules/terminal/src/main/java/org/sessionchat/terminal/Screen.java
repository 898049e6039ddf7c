package org.sessionchat.terminal;

import org.jline.utils.AttributedString;

/**
 * Where the client shows things: lines above the prompt, and the prompt itself.
 *
 * <p>Why an interface: the terminal (JLine), plain standard output (no terminal) and tests
 * each show lines their own way; the client core does not know which one it has.
 * Called from the client's reader thread as well as the typing thread: implementations
 * must be thread-safe.
 */
public interface Screen {

  /** Shows {@code line} above the prompt, leaving what is being typed intact. */
  void show(AttributedString line);

  /** The prompt changed (nick, room or connection). */
  void prompt(String prompt);
}
