package org.sessionchat.session;

import java.util.List;

/**
 * One envelope a monitor interceptor refused: what it was, where the role's FSM stood and
 * what it would have accepted. It goes to the log line, the counters and any
 * {@link SessionObserver}.
 *
 * @param inbound  true when the receiver's interceptor refused it, false for the sender's
 * @param state    the FSM state at the refusal ({@code -} when no session was found)
 * @param expected what the FSM accepts there, e.g. {@code [!lookupRoom(1) to RoomRegistry]}
 */
public record MonitorRefusal(String sessionId, String protocol, String role, boolean inbound, String peerRole,
    String label, int arity, String state, List<String> expected, RefusalReason reason) {

  public MonitorRefusal {
    expected = List.copyOf(expected);
  }
}
