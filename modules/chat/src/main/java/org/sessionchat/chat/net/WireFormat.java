package org.sessionchat.chat.net;

import java.util.function.Consumer;
import org.sessionchat.chat.actor.ClientEvent;
import org.sessionchat.chat.actor.ClientTransport.CloseReason;
import org.sessionchat.chat.limits.Disconnect;
import org.sessionchat.chat.wire.Command;

/**
 * The two stages of a {@link LineConnection} that differ between wire protocols: the parser
 * (a decoded line to a {@link Command}) and the formatter (a {@link ClientEvent} to lines),
 * with the lines the shared stages need (framing, encoding, the limits).
 *
 * <p>Why only these: every other stage (framing, byte limits, UTF-8, flood control, idle
 * and slow-consumer handling, back-pressure) is the same code for every listener, so a
 * limit changed once applies to all of them. One instance per connection; used from the
 * connection's context only.
 */
public interface WireFormat {

  /** The command of one decoded, non-blank line. */
  Command parse(String line);

  /** Writes the lines that tell the client {@code event} (none is fine). */
  void deliver(ClientEvent event, Consumer<String> out);

  /**
   * The bytes of {@code event}'s one line, terminator included, if it is a chat line that other
   * connections of this event loop get too: taken from {@code lines}, which encodes each such
   * line once for all of them. Null if {@code event} is not one ({@link #deliver} then writes it).
   */
  default byte[] sharedLine(ClientEvent event, BroadcastLines lines) {
    return null;
  }

  /** Writes the lines the client gets before the connection closes for {@code reason}. */
  void closing(CloseReason reason, Consumer<String> out);

  /** What ends a line on the way out. */
  String lineEnd();

  /** True if IRC's formatting codes (control characters other than NUL, CR and LF) may be in a line. */
  boolean allowsFormattingCodes();

  /** The answer to a line longer than the limit. */
  String lineTooLong();

  /** The answer to a line that is not UTF-8 or holds a forbidden control character. */
  String badEncoding();

  /** The last line before the connection closes for {@code reason}, or null for none. */
  String lastLine(Disconnect reason);

  /** A line that asks a quiet client to show it is alive, or null if the format has none. */
  String keepAlive();
}
