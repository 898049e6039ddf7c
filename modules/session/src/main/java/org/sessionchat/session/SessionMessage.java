package org.sessionchat.session;

import java.util.List;

/**
 * A message as the receiving actor sees it, after the monitor let it through.
 *
 * @param from    the sender's role in the session
 * @param label   the message label, e.g. {@code outgoingChatMessage}
 * @param payload the payload values: {@link String}, {@link Long}, {@link Boolean}, or
 *                {@link List} of those
 */
public record SessionMessage(String from, String label, List<Object> payload) {

  public SessionMessage {
    payload = List.copyOf(payload);
  }

  /** Payload value {@code i} as a string (the common case in the chat protocols). */
  public String string(int i) {
    return String.valueOf(payload.get(i));
  }
}
