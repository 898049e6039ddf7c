package org.sessionchat.session.impl;

import java.util.List;
import org.sessionchat.session.MonitorRefusal;
import org.sessionchat.session.ProtocolViolationException;
import org.sessionchat.session.RefusalReason;
import org.sessionchat.session.wire.Envelope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place a refusal is recorded: counted, logged as one line with session, role,
 * state and label, and passed to the observers.
 *
 * <p>Why one place: the outbound and the inbound interceptor, and a send that has no peer
 * to address, all refuse; a reader of the log or of {@code /metrics} must see them the same way.
 */
final class MonitorRefusals {

  private static final Logger LOG = LoggerFactory.getLogger(MonitorRefusals.class);
  private static final String NO_STATE = "-";

  private final MetricCounters metrics;
  private final Observers observers;

  MonitorRefusals(MetricCounters metrics, Observers observers) {
    this.metrics = metrics;
    this.observers = observers;
  }

  /** A message {@code conversation}'s role may not send (or could not be addressed). */
  ProtocolViolationException outbound(LocalConversation conversation, String toRole, String label, int arity,
      RefusalReason reason) {
    return record(new MonitorRefusal(conversation.sessionId(), conversation.protocol(), conversation.role(), false,
        toRole, label, arity, conversation.monitor().describeState(), conversation.monitor().expected(), reason));
  }

  /**
   * An envelope refused by an interceptor.
   *
   * @param conversation the local conversation the envelope claims, or null when none matched
   * @param inbound      true on the receiving side
   */
  ProtocolViolationException envelope(Envelope envelope, LocalConversation conversation, boolean inbound,
      RefusalReason reason) {
    String role = inbound ? envelope.toRole() : envelope.fromRole();
    String peer = inbound ? envelope.fromRole() : envelope.toRole();
    String state = conversation == null ? NO_STATE : conversation.monitor().describeState();
    List<String> expected = conversation == null ? List.of() : conversation.monitor().expected();
    return record(new MonitorRefusal(envelope.sessionId(), envelope.protocol(), role, inbound, peer,
        envelope.label(), envelope.payload().size(), state, expected, reason));
  }

  /** With the monitor off: a message the FSM would have refused went through. Counted, no log line. */
  void allowed() {
    metrics.allowedViolation();
  }

  private ProtocolViolationException record(MonitorRefusal refusal) {
    metrics.violation(refusal.protocol(), refusal.role(), refusal.label());
    LOG.warn("monitor refused {} {}({} values) {} {}: {} in session {} {}/{} in state {} expects {}",
        refusal.inbound() ? "inbound" : "outbound", refusal.label(), refusal.arity(),
        refusal.inbound() ? "from" : "to", refusal.peerRole(), refusal.reason(), refusal.sessionId(),
        refusal.protocol(), refusal.role(), refusal.state(), refusal.expected());
    observers.refused(refusal);
    return new ProtocolViolationException(refusal.sessionId(), refusal.protocol(), refusal.role(), refusal.state(),
        refusal.label(), refusal.reason());
  }
}
