package org.sessionchat.session.impl;

import io.netty.channel.ConnectTimeoutException;
import java.net.ConnectException;

/**
 * What a failed TCP connect to a peer says about the peer.
 *
 * <p>Why only one kind counts: a refused connect (the peer's kernel answered the SYN with a
 * reset because nothing listens on the port) is the only failure that proves the process that
 * listened there is gone. A timeout, a TLS failure or any other error only says the peer could
 * not be reached just now: a hung process, a busy machine, a network that drops packets.
 */
enum ConnectFailure {
  /** Nothing listens on the port: ECONNREFUSED. */
  REFUSED,
  /** Anything else: proves nothing about the peer. */
  OTHER;

  /**
   * The kind of {@code failure}. The JDK reports ECONNREFUSED as a {@link ConnectException}
   * whose message is the system's text for the error, with no error code to read; a connect
   * timeout is a {@code ConnectException} too, and is told apart first.
   */
  static ConnectFailure of(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
      if (cause instanceof ConnectTimeoutException) {
        return OTHER;
      }
      if (cause instanceof ConnectException && String.valueOf(cause.getMessage()).contains("Connection refused")) {
        return REFUSED;
      }
    }
    return OTHER;
  }
}
