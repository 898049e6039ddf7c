package org.sessionchat.chat.limits;

import java.util.Locale;
import org.sessionchat.chat.wire.Replies;

/**
 * Why the node closed (or refused) a client's connection, each with the error line the client
 * gets first (none for a client that does not read).
 *
 * <p>Why in one place: an operator sees the same words in the log line, in the metric's
 * {@code reason} label and in docs/operations.md.
 */
public enum Disconnect {
  /** The node has {@link Limits#maxConnections()} connections already. */
  NODE_FULL("too many connections on this node", Replies.TOO_MANY_CONNECTIONS),
  /** The client's address has {@link Limits#maxConnectionsPerAddress()} connections already. */
  ADDRESS_FULL("too many connections from its address", Replies.TOO_MANY_CONNECTIONS),
  /** No complete line for {@link Limits#idleTimeout()}. */
  IDLE("idle for too long", Replies.IDLE_TIMEOUT),
  /** Stayed over the rate limit, without a break, for {@link RateLimit#floodTimeout()}. */
  FLOOD("sent faster than the rate limit for longer than the flood timeout", Replies.EXCESS_FLOOD),
  /** Its outbound queue passed {@link Limits#maxOutboundBytes()}: it does not read. */
  SLOW_CONSUMER("does not read what it is sent (write queue full)", null),
  /** A line without newline passed {@link Limits#maxUnendedLineBytes()}. */
  UNENDED_LINE("sent a line that never ends", Replies.LINE_TOO_LONG);

  private final String why;
  private final String errorLine;

  Disconnect(String why, String errorLine) {
    this.why = why;
    this.errorLine = errorLine;
  }

  /** Words for the log line. */
  public String why() {
    return why;
  }

  /** The last line the client gets, or null when it would not read it anyway. */
  public String errorLine() {
    return errorLine;
  }

  /** The label value in metrics: the constant's name in lower case. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
