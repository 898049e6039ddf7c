package org.sessionchat.session.impl;

import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import org.sessionchat.session.ActorRef;
import org.sessionchat.session.security.SenderBinding;
import org.sessionchat.session.wire.Envelope;

/**
 * Envelopes bound to their sender, in the runtime: tags on the way out, the tag checked when
 * an envelope from another node arrives, and the envelope's sender actor checked against the
 * node the tag proved.
 *
 * <p>Why in two steps: the tag proves which node sent the envelope and is checked by the
 * router, once, where envelopes from other nodes come in; which node the envelope claims
 * its sender is on is known only to the receiving actor's session (the participant playing
 * the sender's role), so the inbound monitor compares the two on the actor's thread. The
 * router passes the proven node on in a header of the local hand-over.
 */
final class SenderCheck {

  /** Header of the local hand-over: the node the sender tag proved. Absent for envelopes sent on this node. */
  static final String PROVEN_NODE = "sc-proven-node";

  private final SenderBinding binding;
  private final String selfId;

  SenderCheck(SenderBinding binding, String selfId) {
    this.binding = binding;
    this.selfId = selfId;
  }

  /** Delivery options for an envelope to {@code targetNode}: {@code base} plus this node's tag. */
  DeliveryOptions tagged(DeliveryOptions base, String targetNode) {
    String tag = binding.tagFor(targetNode);
    DeliveryOptions options = new DeliveryOptions(base);
    if (tag != null) {
      options.addHeader(SenderBinding.HEADER, selfId + " " + tag);
    }
    return options;
  }

  /**
   * The node an envelope from another node was proven to come from, or null (refused, counted
   * and logged by the binding) when its tag is missing or not that node's.
   */
  String provenNode(Message<Object> message) {
    String header = message.headers().get(SenderBinding.HEADER);
    int space = header == null ? -1 : header.indexOf(' ');
    if (space <= 0) {
      binding.check("(none)", null);
      return null;
    }
    String node = header.substring(0, space);
    return binding.check(node, header.substring(space + 1)) == SenderBinding.Verdict.ACCEPTED ? node : null;
  }

  /** Options for handing an envelope proven to come from {@code node} on to a local actor. */
  static DeliveryOptions handOver(DeliveryOptions base, String node) {
    return new DeliveryOptions(base).addHeader(PROVEN_NODE, node);
  }

  /** Forgets a node that left. */
  void forget(String nodeId) {
    binding.forget(nodeId);
  }

  /**
   * True unless {@code envelope} came from another node ({@code proven}, the {@link #PROVEN_NODE}
   * header; null for an envelope sent on this node) and claims a sender actor that does
   * not live there. The claimed sender is the participant playing the envelope's sender role:
   * in an invitation, from the invitation's own list; otherwise from the receiver's session
   * (an envelope for a session the receiver does not know passes here and is refused or
   * dropped as such).
   */
  static boolean boundToSender(String proven, Envelope envelope, ActorCell receiver) {
    if (proven == null) {
      return true; // sent on this node: the outbound monitor saw the sending actor itself
    }
    ActorRef claimed;
    if (envelope.kind() == Envelope.Kind.INVITE) {
      claimed = envelope.participants().get(envelope.fromRole());
    } else {
      LocalConversation conversation = receiver.session(envelope.sessionId());
      claimed = conversation == null ? null : conversation.participant(envelope.fromRole());
    }
    return claimed == null || claimed.nodeId().equals(proven);
  }
}
