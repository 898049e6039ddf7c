package org.sessionchat.scribble;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Protocol files that cannot be used: every problem found, not only the first, so one run
 * shows a person all that needs fixing. The message is the diagnostics, one per line, and
 * the exception carries no stack trace: it reports a problem in the input, not in our code.
 */
public final class ScribbleException extends Exception {

  private static final long serialVersionUID = 1L;

  private static final Comparator<Diagnostic> ORDER = Comparator.comparing(Diagnostic::source)
      .thenComparingInt(Diagnostic::line)
      .thenComparingInt(Diagnostic::column);

  private final transient List<Diagnostic> diagnostics;

  public ScribbleException(List<Diagnostic> diagnostics) {
    this(diagnostics.stream().sorted(ORDER).distinct().toList(), null);
  }

  private ScribbleException(List<Diagnostic> sorted, Void unused) {
    super(sorted.stream().map(Diagnostic::toString).collect(Collectors.joining("\n")),
        null, false, false);
    this.diagnostics = sorted;
  }

  /** The problems, ordered by file, line and column. */
  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }
}
