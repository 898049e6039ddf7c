package org.sessionchat.session.impl;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sessionchat.scribble.fsm.Initiation;
import org.sessionchat.scribble.fsm.Monitor;
import org.sessionchat.session.ActorRef;
import org.sessionchat.session.Conversation;
import org.sessionchat.session.EndReason;
import org.sessionchat.session.ProtocolViolationException;
import org.sessionchat.session.RefusalReason;
import org.sessionchat.session.SessionMessage;
import org.sessionchat.session.SessionSetupException;
import org.sessionchat.session.SessionSnapshot;
import org.sessionchat.session.SetupFailure;
import org.sessionchat.session.wire.Envelope;
import org.sessionchat.session.wire.EnvelopeBatch;
import org.sessionchat.session.wire.PayloadValues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One actor's part in one session: its role, the other participants (and where their
 * envelopes go), and the monitor of its role's FSM.
 *
 * <p>The monitor is stepped by the event-bus interceptors ({@link OutboundMonitor} as a
 * message leaves, {@link InboundMonitor} as it arrives), not here: every envelope on the
 * bus passes them, whoever put it there. This class hands its envelopes to the bus and
 * learns from the actor's refusal slot whether the outbound interceptor let them pass.
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
  private final Map<String, Router.Route> routes;
  /*
   * The protocol, the role, the only peer's role and actor id are interned, as are the
   * actors' ids (NodeRuntime#spawn) and the FSMs' labels and roles: the checks compare them
   * with what each envelope names for every delivery, and an envelope made on this node names
   * the very same strings, so the comparison is over at the identity test (an envelope from
   * another node compares them character by character, as any would).
   */
  /** With one peer only (two roles, as in ChatSession): its role and actor id, which {@link #isPeer} compares. */
  private final String onlyPeerRole;
  private final String onlyPeer;
  private final Monitor monitor;
  private final LocalConversation parent;
  private final Instant started = Instant.now();
  private LocalConversation child;
  private State state = State.PENDING;
  private Set<String> goneRoles;
  private List<Envelope> early;
  private Promise<Void> setup;
  private long messagesIn;
  private long messagesOut;
  private SessionSnapshot.Step lastStep;
  private String lastLabel;
  /** Where this conversation's last broadcast went ({@link #peerPlace}); on the actor's context only. */
  private PeerPlace lastPlace;

  LocalConversation(ActorCell cell, String sessionId, String protocol, String role, String initiatorRole,
      Map<String, ActorRef> participants, Monitor monitor, LocalConversation parent) {
    this.cell = cell;
    this.sessionId = sessionId;
    this.protocol = protocol.intern(); // see the note on the fields
    this.role = role.intern();
    this.initiatorRole = initiatorRole;
    this.participants = Map.copyOf(participants);
    Map<String, Router.Route> peerRoutes = new HashMap<>();
    this.participants.forEach((peerRole, ref) -> {
      if (!peerRole.equals(role)) {
        peerRoutes.put(peerRole, cell.router().route(ref));
      }
    });
    this.routes = Map.copyOf(peerRoutes);
    Map.Entry<String, Router.Route> only = routes.size() == 1 ? routes.entrySet().iterator().next() : null;
    this.onlyPeerRole = only == null ? null : only.getKey().intern();
    this.onlyPeer = only == null ? null : only.getValue().target().actorId().intern();
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

  Router.Route route(String peerRole) {
    return routes.get(peerRole);
  }

  Monitor monitor() {
    return monitor;
  }

  /**
   * Where a broadcast envelope of this conversation for {@code peerRole} goes now (null if no
   * peer plays it): the place found for the last one while nothing it rests on has changed.
   */
  PeerPlace peerPlace(String peerRole) {
    PeerPlace place = lastPlace;
    Router router = cell.router();
    if (place != null && place.role().equals(peerRole) && place.isCurrent(router)) {
      return place;
    }
    Router.Route route = routes.get(peerRole);
    if (route == null) {
      return null;
    }
    place = PeerPlace.find(peerRole, route, cell.node());
    lastPlace = place.isKeepable() ? place : null;
    return place;
  }

  /** True if {@code peerRole} is another role of this session and {@code actorId} plays it. */
  boolean isPeer(String peerRole, String actorId) {
    if (onlyPeerRole != null) {
      return onlyPeerRole.equals(peerRole) && onlyPeer.equals(actorId);
    }
    Router.Route route = routes.get(peerRole);
    return route != null && route.target().actorId().equals(actorId);
  }

  /** Counted by the interceptors for each message that passed this role's monitor (its label kept for snapshots). */
  void countSent(String label) {
    messagesOut++;
    lastStep(SessionSnapshot.Step.SENT, label);
  }

  void countReceived(String label) {
    messagesIn++;
    lastStep(SessionSnapshot.Step.RECEIVED, label);
  }

  /**
   * Stores only what changed: a session long under way lives in the old generation, where
   * every reference store costs the collector's write barrier, and its messages mostly repeat
   * the step and label before.
   */
  private void lastStep(SessionSnapshot.Step step, String label) {
    if (lastStep != step) {
      lastStep = step;
    }
    if (lastLabel != label) {
      lastLabel = label;
    }
  }

  SessionSnapshot snapshot() {
    return new SessionSnapshot(sessionId, protocol, role, cell.self(), cell.kind(), participants, started,
        monitor.describeState(), messagesIn, messagesOut, lastStep, lastLabel);
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
    List<Object> values;
    try {
      values = PayloadValues.of(payload);
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(e);
    }
    Router.Route route = routes.get(toRole);
    if (route == null) {
      // no actor to address the envelope to: refused here, as the interceptor would
      return Future.failedFuture(cell.node().refusals().outbound(this, toRole, label, values.size(),
          RefusalReason.WRONG_PEER));
    }
    cell.send(route, Envelope.message(route.target().actorId(), cell.self().actorId(), sessionId, protocol,
        role, toRole, label, values), this);
    ProtocolViolationException refused = cell.takeOutboundRefusal();
    if (refused != null) {
      return Future.failedFuture(refused);
    }
    endIfTerminal();
    return Future.succeededFuture();
  }

  // ---------------------------------------------------------------- in

  /**
   * A protocol message that passed this role's inbound monitor; buffered until the session is
   * established. Reads the sender's role, the label and the payload only: a compact batch's
   * entries hand over the one envelope they share ({@link EnvelopeBatch#common}).
   */
  void receive(Envelope envelope) {
    receive(envelope, messageOf(envelope));
  }

  /**
   * Hands {@code envelope} to the actor as {@code message}, made by the caller: the entries of
   * a batch share their label and payload, and a {@link SessionMessage} is immutable, so one
   * serves them all.
   */
  void receive(Envelope envelope, SessionMessage message) {
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
    cell.received(this, message);
    endIfTerminal();
  }

  /** {@code envelope} as its receiving actor sees it. */
  static SessionMessage messageOf(Envelope envelope) {
    return new SessionMessage(envelope.fromRole(), envelope.label(), envelope.payload());
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
    cell.node().observers().sessionStarted(this);
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
        setup.tryFail(new SessionSetupException(protocol, gone, participants.get(gone), SetupFailure.PARTICIPANT_LEFT,
            "left before the session was established"));
      }
      return;
    }
    endIfNeeded(gone);
  }

  private void endIfNeeded(String gone) {
    if (state == State.ACTIVE && monitor.rolesStillNeeded().contains(gone)) {
      end(EndReason.PARTICIPANT_OFFLINE, true, true);
    }
  }

  /** Ends the session if this role's FSM has nothing left to do (after a message went out or came in). */
  void endIfTerminal() {
    if (state == State.ACTIVE && monitor.isTerminal()) {
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
        cell.router().send(routes.get(peerRole), Envelope.end(ref.actorId(), cell.self().actorId(), sessionId,
            protocol, role, peerRole, reason.name()));
      }
    }
    if (established) {
      cell.metrics().sessionEnded(protocol, reason);
      cell.node().observers().sessionEnded(this, reason);
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
    Initiation initiation = monitor.pendingInitiation().orElse(null);
    if (initiation != null && initiation.protocol().equals(subProtocol)) {
      internal = initiation.internal();
    } else {
      ProtocolViolationException refusal = cell.node().refusals().outbound(this, subProtocol,
          "initiates " + subProtocol, invitees.size(), RefusalReason.FORBIDDEN);
      if (cell.node().monitorEnabled()) {
        return Future.failedFuture(refusal);
      }
      internal = new ArrayList<>(cell.protocols().roles(subProtocol));
      internal.removeAll(invitees.keySet());
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
    if (state != State.ACTIVE) {
      return;
    }
    String outcome = reason == EndReason.COMPLETED ? Initiation.SUCCESS : reason.failureName();
    if (outcome == null) {
      return;
    }
    if (monitor.resume(outcome)) {
      lastStep = SessionSnapshot.Step.RESUMED;
      lastLabel = outcome;
      cell.node().observers().resumed(this, outcome);
      endIfTerminal();
      return;
    }
    LOG.warn("session {} {}/{} has no block for sub-session outcome {} in state {}; the session ends",
        sessionId, protocol, role, outcome, monitor.describeState());
    end(EndReason.PARTICIPANT_OFFLINE, true, true);
  }

  // ---------------------------------------------------------------- helpers

  private String notActive() {
    return "session " + sessionId + " (" + protocol + "/" + role + ") is "
        + (state == State.PENDING ? "not established yet" : "over");
  }

  @Override
  public String toString() {
    return protocol + "/" + role + "@" + sessionId;
  }
}
