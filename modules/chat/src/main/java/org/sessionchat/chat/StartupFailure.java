package org.sessionchat.chat;

import java.net.BindException;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.TimeoutException;
import org.sessionchat.scribble.ScribbleException;

/**
 * Turns what went wrong at start-up into one line a person can act on.
 *
 * <p>Why: a port in use or a typo in a protocol file is the operator's to fix, not a bug;
 * it deserves a sentence, not a stack trace.
 */
final class StartupFailure {

  private StartupFailure() {
  }

  static String describe(Throwable failure) {
    Throwable cause = rootOf(failure);
    if (cause instanceof BindException) {
      return "address already in use (" + cause.getMessage() + "); choose another --port, --http-port or --cluster-port";
    }
    if (cause instanceof NoSuchFileException) {
      return "file not found: " + cause.getMessage();
    }
    if (cause instanceof TimeoutException) {
      return "timed out (" + cause.getMessage() + ")";
    }
    if (cause instanceof ScribbleException) {
      return "bad protocol: " + oneLine(cause.getMessage());
    }
    String message = cause.getMessage();
    return oneLine(message == null ? cause.getClass().getSimpleName() : message);
  }

  private static Throwable rootOf(Throwable failure) {
    Throwable cause = failure;
    while (cause.getCause() != null && cause.getCause() != cause && !(cause instanceof ScribbleException)) {
      cause = cause.getCause();
    }
    return cause;
  }

  private static String oneLine(String text) {
    return text == null ? "" : text.replaceAll("\\s*\\R\\s*", "; ");
  }
}
