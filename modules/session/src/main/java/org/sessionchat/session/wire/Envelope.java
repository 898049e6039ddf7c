package org.sessionchat.session.wire;

import java.util.List;
import java.util.Map;
import org.sessionchat.session.ActorRef;

/**
 * Everything the runtime puts on the event bus: one session message or one control
 * message of the session life cycle, addressed to one actor on one node.
 *
 * <p>Why one record for both: every node has a single clustered consumer, so a single
 * body type (with a single codec) travels on it; {@link Kind} says how to read the fields.
 *
 * @param kind         what this envelope is
 * @param targetActor  the actor id on the receiving node
 * @param sourceActor  the sending actor's id on the sending node: the monitor interceptors find
 *                     the sender's FSM by it, and the receiver checks it against the session's
 *                     participants (a member cannot speak for another actor)
 * @param sessionId    the session it belongs to
 * @param protocol     the session's protocol
 * @param fromRole     the sender's role ({@link Kind#END}: the role that left)
 * @param toRole       the receiver's role
 * @param label        the message label ({@link Kind#END}: the {@code EndReason} name;
 *                     {@link Kind#VIOLATION}: the refused label; {@link Kind#MALFORMED}: what was wrong)
 * @param payload      message values ({@link Kind#VIOLATION}: the receiver's state)
 * @param participants every role's actor ({@link Kind#INVITE} only, empty otherwise)
 */
public record Envelope(
    Kind kind,
    String targetActor,
    String sourceActor,
    String sessionId,
    String protocol,
    String fromRole,
    String toRole,
    String label,
    List<Object> payload,
    Map<String, ActorRef> participants) {

  /** What an envelope carries. The ordinal is its wire tag: append only. */
  public enum Kind {
    /** A protocol message between two roles; checked by both monitors. */
    MESSAGE,
    /** Request: will the target actor play {@code toRole}? Replied to, or failed. */
    INVITE,
    /** Every invitee accepted: the session starts. */
    ESTABLISH,
    /**
     * The sender's side of the session ended (or its actor stopped). From the initiator of
     * a session still being set up, it withdraws the invitation.
     */
    END,
    /** The receiver's monitor refused a message from the target. */
    VIOLATION,
    /** Produced by the codec for bytes it could not decode; never sent. */
    MALFORMED
  }

  private static final List<Object> NO_VALUES = List.of();

  public Envelope {
    payload = payload == null ? NO_VALUES : payload;
    participants = participants == null ? Map.of() : participants;
  }

  public static Envelope message(String targetActor, String sourceActor, String sessionId, String protocol,
      String fromRole, String toRole, String label, List<Object> payload) {
    return new Envelope(Kind.MESSAGE, targetActor, sourceActor, sessionId, protocol, fromRole, toRole, label, payload,
        null);
  }

  public static Envelope invite(String targetActor, String sourceActor, String sessionId, String protocol,
      String initiatorRole, String toRole, Map<String, ActorRef> participants) {
    return new Envelope(Kind.INVITE, targetActor, sourceActor, sessionId, protocol, initiatorRole, toRole, null, null,
        participants);
  }

  public static Envelope establish(String targetActor, String sourceActor, String sessionId, String protocol,
      String fromRole, String toRole) {
    return new Envelope(Kind.ESTABLISH, targetActor, sourceActor, sessionId, protocol, fromRole, toRole, null, null,
        null);
  }

  public static Envelope end(String targetActor, String sourceActor, String sessionId, String protocol,
      String leftRole, String toRole, String reason) {
    return new Envelope(Kind.END, targetActor, sourceActor, sessionId, protocol, leftRole, toRole, reason, null, null);
  }

  public static Envelope violation(String targetActor, String sourceActor, String sessionId, String protocol,
      String refusingRole, String toRole, String label, String state) {
    return new Envelope(Kind.VIOLATION, targetActor, sourceActor, sessionId, protocol, refusingRole, toRole, label,
        List.of(state), null);
  }

  public static Envelope malformed(String detail) {
    return new Envelope(Kind.MALFORMED, null, null, null, null, null, null, detail, null, null);
  }
}
