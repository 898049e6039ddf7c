package org.sessionchat.terminal;

import java.util.List;

/**
 * What one typed line asks the client to do, decided by {@link InputTranslator}.
 *
 * <p>Why a closed set: every typed line ends in exactly one of these, so the client's
 * handling is a switch the compiler checks, and the translator is testable without a node.
 */
public sealed interface Action {

  /** Send these wire lines, in order. */
  record Send(List<String> lines) implements Action {
    public Send {
      lines = List.copyOf(lines);
    }

    public static Send of(String... lines) {
      return new Send(List.of(lines));
    }
  }

  /** Say {@code text} in the current room: send {@code CHAT:text} and show it as one's own. */
  record Say(String text) implements Action {
  }

  /** Show these lines locally, send nothing (help, usage hints). */
  record Note(List<String> lines) implements Action {
    public Note {
      lines = List.copyOf(lines);
    }

    public static Note of(String... lines) {
      return new Note(List.of(lines));
    }
  }

  /** Show the client's shortcuts ({@code lines}), then ask the node for its {@code HELP}. */
  record Help(List<String> lines) implements Action {
    public Help {
      lines = List.copyOf(lines);
    }
  }

  /** Leave: send {@code QUIT}, wait for {@code BYE}, end. */
  record Quit() implements Action {
  }

  /** A blank line: nothing at all. */
  record Nothing() implements Action {
  }
}
