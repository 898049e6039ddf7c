package org.sessionchat.session.impl;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.sessionchat.scribble.ProtocolLibrary;
import org.sessionchat.scribble.fsm.Monitor;
import org.sessionchat.session.ActorContext;
import org.sessionchat.session.ActorRef;
import org.sessionchat.session.Conversation;
import org.sessionchat.session.EndReason;
import org.sessionchat.session.ProtocolViolationException;
import org.sessionchat.session.SessionActor;
import org.sessionchat.session.SessionMessage;
import org.sessionchat.session.SessionSetupException;
import org.sessionchat.session.SessionSnapshot;
import org.sessionchat.session.SetupFailure;
import org.sessionchat.session.wire.Envelope;
import org.sessionchat.session.wire.EnvelopeBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runtime's side of one actor: its verticle's context, its sessions by id and by key,
 * and the session set-up it initiates or is invited to.
 *
 * <p>Why every callback goes through {@link #callback}: an exception escaping actor code is
 * a crash, as in Erlang — the actor's verticle is undeployed and its peers are told —
 * never a broken runtime or a half-updated session.
 *
 * <p>Confined to the actor verticle's context (one event-loop thread), which is also where
 * Vert.x runs the monitor interceptors for the actor's envelopes: the interceptors read
 * {@link #session} and step the FSMs without locks. Only {@link #keys} is concurrent.
 */
final class ActorCell implements ActorContext {

  private static final Logger LOG = LoggerFactory.getLogger(ActorCell.class);
  /** How many ended session ids an actor remembers, to tell late messages from forged ones. */
  private static final int RECENTLY_ENDED = 16;

  private enum Life { STARTING, RUNNING, STOPPED }

  private final NodeRuntime node;
  private final ActorRef self;
  private final String kind;
  private final SessionActor actor;
  private final String address;
  private final Map<String, LocalConversation> sessions = new HashMap<>();
  /**
   * The session {@link #session} found last (still in {@link #sessions}): most actors are in
   * one session at a time — a chat client in its room's — and every message in it would
   * otherwise be a look-up in the map.
   */
  private LocalConversation lastSession;
  /** Concurrent: actors may register or {@code become} from a socket handler on another context. */
  private final Map<String, LocalConversation> keys = new ConcurrentHashMap<>();
  private String[] recentlyEnded;
  private int recentlyEndedNext;
  private volatile Context context;
  private volatile Thread thread;
  private String deploymentId;
  private volatile Life life = Life.STARTING;
  /** True once start() returned: a crash from then on undeploys the verticle (before, the deployment fails). */
  private boolean deployed;
  /** What the outbound interceptor refused during the current send on this thread; taken right after. */
  private ProtocolViolationException outboundRefusal;
  /**
   * What this actor is putting on the bus right now ({@link #send}, {@link #sendBatch}) and
   * the conversations it comes from, for the outbound interceptor, which runs within the
   * call on this thread: it takes the conversation from here instead of looking the session
   * up. Only an identical envelope or batch object matches; anything else is looked up.
   */
  private Object sending;
  private LocalConversation sendingFor;
  private LocalConversation[] sendingBatchFor;
  /** This actor's broadcasts ({@link #sendEach}); made at the first. */
  private Broadcast broadcast;
  /** The envelope the inbound interceptor let through last on this thread, and the conversation it checked it against. */
  private Envelope checked;
  private LocalConversation checkedFor;

  ActorCell(NodeRuntime node, ActorRef self, String kind, SessionActor actor) {
    this.node = node;
    this.self = self;
    this.kind = kind;
    this.actor = actor;
    this.address = Addresses.actor(self.actorId());
  }

  // ---------------------------------------------------------------- for the verticle

  /** The verticle started on {@code context}: from now on this actor lives there. */
  void attach(Context context, String deploymentId) {
    this.context = context;
    this.thread = Thread.currentThread();
    this.deploymentId = deploymentId;
  }

  /** Runs {@code started}; false if the actor crashed in it. */
  boolean start() {
    life = Life.RUNNING;
    callback(() -> actor.started(this));
    if (life != Life.RUNNING) {
      return false;
    }
    deployed = true;
    return true;
  }

  /** The verticle is being undeployed (stop, crash, parent undeployed, Vert.x closing). */
  void undeployed() {
    if (life == Life.STOPPED) {
      return;
    }
    terminate(true);
    try {
      actor.stopped();
    } catch (RuntimeException e) {
      LOG.error("actor {} ({}) failed in stopped()", self, kind, e);
    }
  }

  // ---------------------------------------------------------------- for conversations and interceptors

  SessionActor actor() {
    return actor;
  }

  String address() {
    return address;
  }

  NodeRuntime node() {
    return node;
  }

  Router router() {
    return node.router();
  }

  MetricCounters metrics() {
    return node.metrics();
  }

  ProtocolLibrary protocols() {
    return node.options().protocols();
  }

  /** The actor verticle's context; null until it started. */
  Context context() {
    return context;
  }

  /** The actor's event-loop thread; null until it started. */
  Thread thread() {
    return thread;
  }

  /** True on the actor's event-loop thread: the only thread that may touch its sessions. */
  boolean onOwnThread() {
    return Thread.currentThread() == thread;
  }

  /** The actor's conversation in {@code sessionId}, or null; on the actor's thread only. */
  LocalConversation session(String sessionId) {
    LocalConversation last = lastSession;
    if (last != null && sessionId.equals(last.sessionId())) {
      return last;
    }
    LocalConversation found = sessions.get(sessionId);
    if (found != null) {
      lastSession = found;
    }
    return found;
  }

  /** True if {@code sessionId} ended here a short while ago (a message for it is late, not forged). */
  boolean endedRecently(String sessionId) {
    if (recentlyEnded != null) {
      for (String ended : recentlyEnded) {
        if (sessionId.equals(ended)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Puts {@code conversation}'s {@code envelope} on the bus (its outbound check finds the conversation here). */
  void send(Router.Route route, Envelope envelope, LocalConversation conversation) {
    sending = envelope;
    sendingFor = conversation;
    try {
      router().send(route, envelope);
    } finally {
      sending = null;
      sendingFor = null;
    }
  }

  /** Puts a broadcast's {@code batch} on the bus; envelope i is {@code conversations[i]}'s. */
  void sendBatch(String address, boolean local, EnvelopeBatch batch, LocalConversation[] conversations) {
    sending = batch;
    sendingBatchFor = conversations;
    try {
      router().sendBatch(address, local, batch);
    } finally {
      sending = null;
      sendingBatchFor = null;
    }
  }

  /**
   * The conversation {@code envelope} leaves from: the one that is sending it now, or else
   * the session it names (null if none); on this actor's thread only.
   */
  LocalConversation sendingConversation(Envelope envelope) {
    return sending == envelope ? sendingFor : session(envelope.sessionId());
  }

  /** The conversation envelope {@code index} of {@code batch} leaves from, as {@link #sendingConversation(Envelope)}. */
  LocalConversation sendingConversation(EnvelopeBatch batch, int index) {
    return sending == batch ? sendingBatchFor[index] : session(batch.sessionId(index));
  }

  /** The inbound interceptor let {@code envelope} through for {@code conversation}; the handler takes it from here. */
  void checked(Envelope envelope, LocalConversation conversation) {
    checked = envelope;
    checkedFor = conversation;
  }

  void refusedOutbound(ProtocolViolationException refusal) {
    outboundRefusal = refusal;
  }

  /** The refusal of the send that just returned, if any; clears it. */
  ProtocolViolationException takeOutboundRefusal() {
    ProtocolViolationException refusal = outboundRefusal;
    outboundRefusal = null;
    return refusal;
  }

  boolean isOnContext() {
    Context current = Vertx.currentContext();
    return current != null && onOwnThread() && context != null;
  }

  /** Runs {@code action} on this actor's context and hands its result back. */
  <T> Future<T> onContext(Supplier<Future<T>> action) {
    Promise<T> promise = Promise.promise();
    Context target = context;
    if (target == null) {
      return Future.failedFuture(new IllegalStateException("actor " + self + " has not started"));
    }
    target.runOnContext(v -> action.get().onComplete(promise));
    return promise.future();
  }

  void forget(LocalConversation conversation) {
    if (lastSession == conversation) {
      lastSession = null;
    }
    if (sessions.remove(conversation.sessionId(), conversation)) {
      if (recentlyEnded == null) {
        recentlyEnded = new String[RECENTLY_ENDED];
      }
      recentlyEnded[recentlyEndedNext] = conversation.sessionId();
      recentlyEndedNext = (recentlyEndedNext + 1) % RECENTLY_ENDED;
    }
  }

  /** Runs actor code; an exception from it crashes the actor. */
  void callback(Runnable code) {
    if (life == Life.STOPPED) {
      return;
    }
    try {
      code.run();
    } catch (RuntimeException | AssertionError | LinkageError e) {
      crash(e);
    }
  }

  /**
   * {@link SessionActor#received} as {@link #callback} runs it, without a closure: this runs
   * for every delivery.
   */
  void received(LocalConversation conversation, SessionMessage message) {
    if (life == Life.STOPPED) {
      return;
    }
    try {
      actor.received(conversation, message);
    } catch (RuntimeException | AssertionError | LinkageError e) {
      crash(e);
    }
  }

  // ---------------------------------------------------------------- life cycle

  boolean isStopped() {
    return life == Life.STOPPED;
  }

  /**
   * True if this is the actor {@code actorId} of its node's actor table: started on a thread
   * and not stopped (a cell leaves the table only once stopped, and a cell whose spawn found
   * the id taken never starts).
   */
  boolean runsAs(String actorId) {
    return life != Life.STOPPED && thread != null && self.actorId().equals(actorId);
  }

  @Override
  public Future<Void> stop() {
    if (context == null || life == Life.STOPPED) {
      return Future.succeededFuture();
    }
    if (!isOnContext()) {
      return onContext(this::stop);
    }
    return node.vertx().undeploy(deploymentId).recover(alreadyGone -> Future.succeededFuture());
  }

  private void crash(Throwable error) {
    if (life == Life.STOPPED) {
      return;
    }
    LOG.error("actor {} ({}) crashed; its {} sessions end and their peers are told", self, kind, sessions.size(),
        error);
    terminate(false);
    if (deployed) {
      node.vertx().undeploy(deploymentId);
    }
  }

  private void terminate(boolean callbacks) {
    for (LocalConversation conversation : new ArrayList<>(sessions.values())) {
      conversation.end(EndReason.LOCAL_STOP, false, callbacks);
    }
    life = Life.STOPPED;
    keys.clear();
    node.removed(this);
  }

  // ---------------------------------------------------------------- inbound

  /** An envelope that passed the inbound interceptor, on this actor's context. */
  void handle(Message<Object> message) {
    Object body;
    try {
      body = message.body();
    } catch (RuntimeException e) {
      metrics().malformed();
      return;
    }
    if (!(body instanceof Envelope envelope) || envelope.kind() == Envelope.Kind.MALFORMED) {
      metrics().malformed();
      if (message.replyAddress() != null) {
        message.fail(400, "not a session envelope");
      }
      return;
    }
    if (envelope.kind() == Envelope.Kind.INVITE) {
      invited(envelope, message);
      return;
    }
    LocalConversation conversation;
    if (checked == envelope) { // the inbound interceptor's look-up of this very envelope
      conversation = checkedFor;
      checked = null;
      checkedFor = null;
    } else {
      conversation = sessions.get(envelope.sessionId());
    }
    if (conversation == null) {
      if (envelope.kind() == Envelope.Kind.MESSAGE) {
        metrics().late();
      }
      return;
    }
    switch (envelope.kind()) {
      case MESSAGE -> conversation.receive(envelope);
      case ESTABLISH -> conversation.establish();
      case END -> conversation.participantLeft(envelope.fromRole());
      case VIOLATION -> conversation.violationReported(envelope);
      default -> LOG.warn("unexpected {} envelope for session {}", envelope.kind(), envelope.sessionId());
    }
  }

  /** A node left the cluster: every participant there left each of this actor's sessions. */
  void nodeLeft(String nodeId) {
    for (LocalConversation conversation : new ArrayList<>(sessions.values())) {
      for (Map.Entry<String, ActorRef> participant : conversation.participants().entrySet()) {
        if (participant.getValue().nodeId().equals(nodeId)) {
          conversation.participantLeft(participant.getKey());
        }
      }
    }
  }

  /** Every session of this actor as it stands; on the actor's context. */
  List<SessionSnapshot> snapshots() {
    List<SessionSnapshot> out = new ArrayList<>(sessions.size());
    for (LocalConversation conversation : sessions.values()) {
      out.add(conversation.snapshot());
    }
    return out;
  }

  // ---------------------------------------------------------------- set-up

  @Override
  public Future<Conversation> startSession(String protocol, String myRole, Map<String, ActorRef> invitees) {
    if (!isOnContext()) {
      return onContext(() -> startSession(protocol, myRole, invitees));
    }
    return startSession(protocol, myRole, invitees, null);
  }

  Future<Conversation> startSession(String protocol, String myRole, Map<String, ActorRef> invitees,
      LocalConversation parent) {
    if (life == Life.STOPPED) {
      return Future.failedFuture(new IllegalStateException("actor " + self + " has stopped"));
    }
    String problem = setupProblem(protocol, myRole, invitees);
    if (problem != null) {
      return Future.failedFuture(new IllegalArgumentException(problem));
    }
    String sessionId = UUID.randomUUID().toString();
    Map<String, ActorRef> participants = new HashMap<>(invitees);
    participants.put(myRole, self);
    LocalConversation conversation = new LocalConversation(this, sessionId, protocol, myRole, myRole, participants,
        newMonitor(protocol, myRole), parent);
    sessions.put(sessionId, conversation);
    if (parent != null) {
      parent.subSessionStarting(conversation);
    }
    List<Future<?>> answers = new ArrayList<>(invitees.size());
    for (Map.Entry<String, ActorRef> invitee : invitees.entrySet()) {
      Router.Route route = conversation.route(invitee.getKey());
      Envelope invitation = Envelope.invite(route.target().actorId(), self.actorId(), sessionId, protocol, myRole,
          invitee.getKey(), conversation.participants());
      answers.add(router().request(route, invitation).recover(failure -> Future.failedFuture(
          new SessionSetupException(protocol, invitee.getKey(), route.target(), Router.failureOf(failure, route),
              Router.describe(failure, route, node.options().setupTimeout().toMillis())))));
    }
    Promise<Conversation> established = Promise.promise();
    conversation.awaitSetup(Future.all(answers)).onComplete(all -> {
      if (conversation.state() != LocalConversation.State.PENDING) {
        established.fail(new IllegalStateException("actor " + self + " stopped while setting up " + protocol));
      } else if (all.failed()) {
        conversation.end(EndReason.SETUP_FAILED, true, false);
        established.fail(all.cause());
      } else {
        for (String inviteeRole : invitees.keySet()) {
          Router.Route route = conversation.route(inviteeRole);
          router().send(route, Envelope.establish(route.target().actorId(), self.actorId(), sessionId, protocol,
              myRole, inviteeRole));
        }
        metrics().sessionStarted(protocol);
        conversation.establish();
        established.complete(conversation);
      }
    });
    return established.future();
  }

  private String setupProblem(String protocol, String myRole, Map<String, ActorRef> invitees) {
    if (!protocols().protocolNames().contains(protocol)) {
      return "unknown protocol '" + protocol + "'";
    }
    if (!node.options().roles().mayPlay(kind, protocol, myRole)) {
      return "an actor of kind " + kind + " may not play " + myRole + " in " + protocol + " (see the role configuration)";
    }
    Set<String> filled = new HashSet<>(invitees.keySet());
    filled.add(myRole);
    Set<String> declared = Set.copyOf(protocols().roles(protocol));
    if (invitees.containsKey(myRole) || !filled.equals(declared)) {
      return protocol + " has roles " + protocols().roles(protocol) + "; " + myRole + " plus invitees "
          + invitees.keySet() + " must fill each exactly once";
    }
    if (invitees.containsValue(self)) {
      return "an actor cannot play two roles of one session";
    }
    return null;
  }

  private void invited(Envelope invitation, Message<Object> request) {
    String protocol = invitation.protocol();
    String role = invitation.toRole();
    if (life != Life.RUNNING) {
      request.fail(SetupFailure.UNKNOWN_ACTOR.wireCode(), "has stopped");
      return;
    }
    if (sessions.containsKey(invitation.sessionId())) {
      request.fail(SetupFailure.REFUSED.wireCode(), "already plays a role in session " + invitation.sessionId());
      return;
    }
    if (!node.options().roles().mayPlay(kind, protocol, role)) {
      request.fail(SetupFailure.REFUSED.wireCode(), "is a " + kind + ", which may not play " + role + " in " + protocol);
      return;
    }
    boolean[] accepted = {false};
    callback(() -> accepted[0] = actor.acceptInvitation(protocol, role));
    if (!accepted[0]) {
      request.fail(SetupFailure.REFUSED.wireCode(), life == Life.STOPPED ? "crashed on the invitation"
          : "refused the invitation");
      return;
    }
    LocalConversation conversation = new LocalConversation(this, invitation.sessionId(), protocol, role,
        invitation.fromRole(), invitation.participants(), newMonitor(protocol, role), null);
    sessions.put(invitation.sessionId(), conversation);
    if (onlyInviteeOf(invitation)) {
      // Nobody else can refuse: the session is established the moment we accept. Telling our
      // actor before the reply means the initiator never gets ahead of us (a client told
      // "joined" while its room does not list it yet would miss messages).
      conversation.establish();
    }
    request.reply(Boolean.TRUE);
  }

  /** True when every other role of the invitation is played by the initiator itself. */
  private static boolean onlyInviteeOf(Envelope invitation) {
    ActorRef initiator = invitation.participants().get(invitation.fromRole());
    return invitation.participants().entrySet().stream()
        .allMatch(p -> p.getKey().equals(invitation.toRole()) || p.getValue().equals(initiator));
  }

  /** Every session has a monitor: with monitoring off it tracks the FSM but never refuses. */
  private Monitor newMonitor(String protocol, String role) {
    return protocols().newMonitor(protocol, role);
  }

  // ---------------------------------------------------------------- ActorContext

  @Override
  public ActorRef self() {
    return self;
  }

  String kind() {
    return kind;
  }

  @Override
  public Vertx vertx() {
    return node.vertx();
  }

  @Override
  public Future<Void> sendEach(Collection<? extends Conversation> conversations, String toRole, String label,
      Object... payload) {
    if (!isOnContext()) {
      return onContext(() -> sendEach(conversations, toRole, label, payload));
    }
    if (broadcast == null) {
      broadcast = new Broadcast(this);
    }
    return broadcast.send(conversations, toRole, label, payload);
  }

  @Override
  public void register(String key, Conversation conversation) {
    if (!(conversation instanceof LocalConversation local) || local.actorCell() != this) {
      throw new IllegalArgumentException("not a conversation of actor " + self + ": " + conversation);
    }
    keys.put(key, local);
  }

  @Override
  public void unregister(String key) {
    keys.remove(key);
  }

  @Override
  public Optional<Conversation> conversation(String key) {
    LocalConversation conversation = keys.get(key);
    return conversation != null && conversation.isActive() ? Optional.of(conversation) : Optional.empty();
  }

  @Override
  public boolean become(String key, Consumer<Conversation> action) {
    Optional<Conversation> conversation = conversation(key);
    conversation.ifPresent(action);
    return conversation.isPresent();
  }

  @Override
  public String toString() {
    return kind + " " + self;
  }
}
