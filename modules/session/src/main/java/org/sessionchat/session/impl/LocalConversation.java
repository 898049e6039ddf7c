package org.sessionchat.session.impl;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sessionchat.scribble.fsm.Direction;
import org.sessionchat.scribble.fsm.Initiation;
import org.sessionchat.scribble.fsm.Monitor;
import org.sessionchat.session.ActorRef;
import org.sessionchat.session.Conversation;
import org.sessionchat.session.EndReason;
import org.sessionchat.session.ProtocolViolationException;
import org.sessionchat.session.SessionMessage;
import org.sessionchat.session.SessionSetupException;
import org.sessionchat.session.wire.Envelope;
import org.sessionchat.session.wire.PayloadValues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One actor's part in one session: its role, the other participants, and the monitor of
 * its role's FSM. Every message in or out of the actor for this session passes here.
 *
 * <p>Why the monitor lives here and not in an event-bus interceptor: a monitor is state of
 * one (session, role) and is not thread-safe; checking on the actor's own context, at the
 * runtime's single way out ({@link #send}) and single way in ({@link #receive}), needs no
 * locks and sees exactly the messages of this role.
 *
 * <p>Confined to the owning actor's context.
 */
final class LocalConversation implements Conversation {

  private static final Logger LOG = LoggerFactory.getLogger(LocalConversation.class);

  enum State { PENDING, ACTIVE, ENDED }

  private final ActorCell cell;
  private final String sessionId;
  private final String protocol;
  private final String role;
  private final String initiatorRole;
  private final Map<String, ActorRef> participants;
  private final Monitor monitor;
  private final LocalConversation parent;
  private LocalConversation child;
  private State state = State.PENDING;
  private Set<String> goneRoles;
  private List<Envelope> early;
  private Promise<Void> setup;

  LocalConversation(ActorCell cell, String sessionId, String protocol, String role, String initiatorRole,
      Map<String, ActorRef> participants, Monitor monitor, LocalConversation parent) {
    this.cell = cell;
    this.sessionId = sessionId;
    this.protocol = protocol;
    this.role = role;
    this.initiatorRole = initiatorRole;
    this.participants = Map.copyOf(participants);
    this.monitor = monitor;
    this.parent = parent;
  }

  @Override
  public String sessionId() {
    return sessionId;
  }

  @Override
  public String protocol() {
    return protocol;
  }

  @Override
  public String role() {
    return role;
  }

  @Override
  public ActorRef participant(String role) {
    return participants.get(role);
  }

  ActorCell actorCell() {
    return cell;
  }

  Map<String, ActorRef> participants() {
    return participants;
  }

  @Override
  public boolean isActive() {
    return state == State.ACTIVE;
  }

  State state() {
    return state;
  }

  // ---------------------------------------------------------------- out

  @Override
  public Future<Void> send(String toRole, String label, Object... payload) {
    if (!cell.isOnContext()) {
      return cell.onContext(() -> send(toRole, label, payload));
    }
    if (state != State.ACTIVE) {
      return Future.failedFuture(new IllegalStateException(notActive()));
    }
    ActorRef target = participants.get(toRole);
    List<Object> values;
    try {
      values = PayloadValues.of(payload);
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(e);
    }
    if (target == null || toRole.equals(role)
        || (monitor != null && !monitor.step(Direction.SEND, toRole, label, values.size()))) {
      return Future.failedFuture(refusedOutbound(toRole, label, values.size()));
    }
    cell.metrics().monitored();
    cell.router().send(target, Envelope.message(target.actorId(), sessionId, protocol, role, toRole, label, values));
    endIfTerminal();
    return Future.succeededFuture();
  }

  private ProtocolViolationException refusedOutbound(String toRole, String label, int arity) {
    String state = describeState();
    cell.metrics().violation(protocol, role, label);
    LOG.warn("monitor refused outbound {}({} values) to {}: session {} {}/{} in state {} expects {}",
        label, arity, toRole, sessionId, protocol, role, state, expected());
    return new ProtocolViolationException(sessionId, protocol, role, state, label);
  }

  // ---------------------------------------------------------------- in

  /** A protocol message for this role; buffered until the session is established. */
  void receive(Envelope envelope) {
    if (state == State.PENDING) {
      if (early == null) {
        early = new ArrayList<>(2);
      }
      early.add(envelope);
      return;
    }
    if (state == State.ENDED) {
      cell.metrics().late();
      return;
    }
    if (!role.equals(envelope.toRole())
        || (monitor != null
            && !monitor.step(Direction.RECEIVE, envelope.fromRole(), envelope.label(), envelope.payload().size()))) {
      refuseInbound(envelope);
      return;
    }
    cell.metrics().monitored();
    SessionMessage message = new SessionMessage(envelope.fromRole(), envelope.label(), envelope.payload());
    cell.callback(() -> cell.actor().received(this, message));
    endIfTerminal();
  }

  private void refuseInbound(Envelope envelope) {
    String state = describeState();
    cell.metrics().violation(protocol, role, envelope.label());
    LOG.warn("monitor refused inbound {}({} values) from {} to {}: session {} {}/{} in state {} expects {}",
        envelope.label(), envelope.payload().size(), envelope.fromRole(), envelope.toRole(), sessionId, protocol,
        role, state, expected());
    ActorRef sender = participants.get(envelope.fromRole());
    if (sender != null) {
      cell.router().send(sender, Envelope.violation(sender.actorId(), sessionId, protocol, role,
          envelope.fromRole(), envelope.label(), state));
    }
  }

  /** The receiver's monitor refused {@code label} sent by this role. */
  void violationReported(Envelope notice) {
    ProtocolViolationException violation = new ProtocolViolationException(sessionId, protocol, notice.fromRole(),
        String.valueOf(notice.payload().isEmpty() ? "?" : notice.payload().get(0)), notice.label());
    cell.callback(() -> cell.actor().protocolViolation(this, violation));
  }

  // ---------------------------------------------------------------- life cycle

  /**
   * On the initiator: the outcome of the invitations, failed early if an invitee leaves
   * (its node dies) before answering, rather than when the invitation times out.
   */
  Future<Void> awaitSetup(Future<?> answers) {
    setup = Promise.promise();
    answers.onComplete(all -> {
      if (all.succeeded()) {
        setup.tryComplete();
      } else {
        setup.tryFail(all.cause());
      }
    });
    return setup.future();
  }

  /** Every role is filled: tell the actor, then replay what arrived early and apply who already left. */
  void establish() {
    if (state != State.PENDING) {
      return;
    }
    state = State.ACTIVE;
    cell.callback(() -> cell.actor().conversationEstablished(this));
    if (early != null) {
      List<Envelope> buffered = early;
      early = null;
      for (Envelope envelope : buffered) {
        receive(envelope);
      }
    }
    if (goneRoles != null) {
      for (String gone : List.copyOf(goneRoles)) {
        endIfNeeded(gone);
      }
    }
  }

  /**
   * The actor playing {@code gone} left the session (ended its part, stopped, or its node
   * left). The session fails only if this role's FSM still needs {@code gone}.
   */
  void participantLeft(String gone) {
    if (state == State.ENDED || gone.equals(role)) {
      return;
    }
    if (goneRoles == null) {
      goneRoles = new HashSet<>(2);
    }
    if (!goneRoles.add(gone)) {
      return;
    }
    if (state == State.PENDING) {
      if (gone.equals(initiatorRole)) {
        state = State.ENDED;
        cell.forget(this);
      } else if (setup != null) {
        setup.tryFail(new SessionSetupException(protocol, gone, participants.get(gone),
            "left before the session was established"));
      }
      return;
    }
    endIfNeeded(gone);
  }

  private void endIfNeeded(String gone) {
    if (state == State.ACTIVE && (monitor == null || monitor.rolesStillNeeded().contains(gone))) {
      end(EndReason.PARTICIPANT_OFFLINE, true, true);
    }
  }

  private void endIfTerminal() {
    if (state == State.ACTIVE && monitor != null && monitor.isTerminal()) {
      end(EndReason.COMPLETED, true, true);
    }
  }

  /**
   * Ends this actor's part: a running sub-session first, then the peers are told, then the
   * parent resumes (sub-sessions), then the actor hears {@code conversationEnded}.
   *
   * @param resumeParent false when the whole actor is stopping
   * @param callback     false when the actor crashed and must not be called again
   */
  void end(EndReason reason, boolean resumeParent, boolean callback) {
    if (state == State.ENDED) {
      return;
    }
    boolean established = state == State.ACTIVE;
    state = State.ENDED;
    early = null;
    cell.forget(this);
    if (child != null) {
      LocalConversation running = child;
      child = null;
      running.end(EndReason.LOCAL_STOP, false, callback);
    }
    for (Map.Entry<String, ActorRef> peer : participants.entrySet()) {
      String peerRole = peer.getKey();
      if (!peerRole.equals(role) && (goneRoles == null || !goneRoles.contains(peerRole))) {
        ActorRef ref = peer.getValue();
        cell.router().send(ref, Envelope.end(ref.actorId(), sessionId, protocol, role, peerRole, reason.name()));
      }
    }
    if (established) {
      cell.metrics().sessionEnded(protocol, reason);
    }
    if (parent != null && resumeParent) {
      parent.subSessionEnded(this, reason);
    }
    if (established && callback) {
      cell.callback(() -> cell.actor().conversationEnded(this, reason));
    }
  }

  // ---------------------------------------------------------------- sub-sessions

  @Override
  public Future<Conversation> initiate(String subProtocol, Map<String, ActorRef> invitees) {
    if (!cell.isOnContext()) {
      return cell.onContext(() -> initiate(subProtocol, invitees));
    }
    if (state != State.ACTIVE) {
      return Future.failedFuture(new IllegalStateException(notActive()));
    }
    if (child != null) {
      return Future.failedFuture(new IllegalStateException("session " + sessionId + " (" + protocol + "/" + role
          + ") already runs sub-session " + child.sessionId));
    }
    List<String> internal;
    if (monitor == null) {
      internal = new ArrayList<>(cell.protocols().roles(subProtocol));
      internal.removeAll(invitees.keySet());
    } else {
      Initiation initiation = monitor.pendingInitiation().orElse(null);
      if (initiation == null || !initiation.protocol().equals(subProtocol)) {
        return Future.failedFuture(refusedOutbound(subProtocol, "initiates " + subProtocol, invitees.size()));
      }
      internal = initiation.internal();
    }
    if (internal.size() != 1) {
      return Future.failedFuture(new UnsupportedOperationException(subProtocol + ": the initiator would fill roles "
          + internal + " itself; only one internal role is supported"));
    }
    return cell.startSession(subProtocol, internal.get(0), invitees, this);
  }

  /** Called on the parent when the sub-session started by {@link #initiate} set up. */
  void subSessionStarting(LocalConversation sub) {
    child = sub;
  }

  /** The sub-session ended (or failed to set up): resume in the success or the matching handle block. */
  private void subSessionEnded(LocalConversation sub, EndReason reason) {
    if (child == sub) {
      child = null;
    }
    if (state != State.ACTIVE || monitor == null) {
      return;
    }
    String outcome = reason == EndReason.COMPLETED ? Initiation.SUCCESS : reason.failureName();
    if (outcome == null) {
      return;
    }
    if (monitor.resume(outcome)) {
      endIfTerminal();
      return;
    }
    LOG.warn("session {} {}/{} has no block for sub-session outcome {} in state {}; the session ends",
        sessionId, protocol, role, outcome, monitor.describeState());
    end(EndReason.PARTICIPANT_OFFLINE, true, true);
  }

  // ---------------------------------------------------------------- helpers

  private String describeState() {
    return monitor == null ? "unmonitored" : monitor.describeState();
  }

  private List<String> expected() {
    return monitor == null ? List.of() : monitor.expected();
  }

  private String notActive() {
    return "session " + sessionId + " (" + protocol + "/" + role + ") is "
        + (state == State.PENDING ? "not established yet" : "over");
  }

  @Override
  public String toString() {
    return protocol + "/" + role + "@" + sessionId;
  }
}
