package org.sessionchat.session.impl;

import io.vertx.core.Closeable;
import io.vertx.core.Completable;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.internal.ContextInternal;
import java.util.ArrayList;
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
import org.sessionchat.session.SessionActor;
import org.sessionchat.session.SessionSetupException;
import org.sessionchat.session.wire.Envelope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runtime's side of one actor: its context, its sessions by id and by key, and the
 * session set-up it initiates or is invited to.
 *
 * <p>Why every callback goes through {@link #callback}: an exception escaping actor code is
 * a crash, as in Erlang — the actor is removed and its peers are told — never a broken
 * runtime or a half-updated session.
 *
 * <p>Everything but {@link #deliver} runs on the actor's context.
 */
final class ActorCell implements ActorContext {

  private static final Logger LOG = LoggerFactory.getLogger(ActorCell.class);

  private final NodeRuntime node;
  private final ActorRef self;
  private final String kind;
  private final SessionActor actor;
  private final ContextInternal context;
  private final Map<String, LocalConversation> sessions = new HashMap<>();
  /** Concurrent: actors may register or {@code become} from a socket handler on another context. */
  private final Map<String, LocalConversation> keys = new ConcurrentHashMap<>();
  /** Stops the actor when its context closes: the verticle that spawned it was undeployed. */
  private final Closeable undeployHook = this::contextClosing;
  private boolean stopped;
  private boolean contextClosing;

  ActorCell(NodeRuntime node, ActorRef self, String kind, SessionActor actor, ContextInternal context) {
    this.node = node;
    this.self = self;
    this.kind = kind;
    this.actor = actor;
    this.context = context.unwrap();
    this.context.addCloseHook(undeployHook);
  }

  private void contextClosing(Completable<Void> completion) {
    contextClosing = true;
    stop().onComplete(completion);
  }

  // ---------------------------------------------------------------- for conversations

  SessionActor actor() {
    return actor;
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

  boolean isOnContext() {
    Context current = Vertx.currentContext();
    return current != null && ((ContextInternal) current).unwrap() == context;
  }

  /** Runs {@code action} on this actor's context and hands its result back. */
  <T> Future<T> onContext(Supplier<Future<T>> action) {
    Promise<T> promise = Promise.promise();
    context.runOnContext(v -> action.get().onComplete(promise));
    return promise.future();
  }

  void forget(LocalConversation conversation) {
    sessions.remove(conversation.sessionId(), conversation);
  }

  /** Runs actor code; an exception from it crashes the actor. */
  void callback(Runnable code) {
    if (stopped) {
      return;
    }
    try {
      code.run();
    } catch (RuntimeException | AssertionError | LinkageError e) {
      crash(e);
    }
  }

  // ---------------------------------------------------------------- life cycle

  void start() {
    callback(() -> actor.started(this));
  }

  boolean isStopped() {
    return stopped;
  }

  @Override
  public Future<Void> stop() {
    if (!isOnContext()) {
      return onContext(this::stop);
    }
    if (stopped) {
      return Future.succeededFuture();
    }
    terminate(true);
    try {
      actor.stopped();
    } catch (RuntimeException e) {
      LOG.error("actor {} ({}) failed in stopped()", self, kind, e);
    }
    return Future.succeededFuture();
  }

  private void crash(Throwable error) {
    if (stopped) {
      return;
    }
    LOG.error("actor {} ({}) crashed; its {} sessions end and their peers are told", self, kind, sessions.size(),
        error);
    terminate(false);
  }

  private void terminate(boolean callbacks) {
    for (LocalConversation conversation : new ArrayList<>(sessions.values())) {
      conversation.end(EndReason.LOCAL_STOP, false, callbacks);
    }
    stopped = true;
    keys.clear();
    node.removed(this);
    if (!contextClosing) {
      context.removeCloseHook(undeployHook);
    }
  }

  // ---------------------------------------------------------------- inbound

  /** Hands an envelope to this actor's context; called on the node consumer's context. */
  void deliver(Envelope envelope, Message<Object> message) {
    if (isOnContext()) {
      handle(envelope, message);
    } else {
      context.runOnContext(v -> handle(envelope, message));
    }
  }

  private void handle(Envelope envelope, Message<Object> message) {
    if (envelope.kind() == Envelope.Kind.INVITE) {
      invited(envelope, message);
      return;
    }
    LocalConversation conversation = sessions.get(envelope.sessionId());
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
    if (stopped) {
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
      ActorRef ref = invitee.getValue();
      Envelope invitation = Envelope.invite(ref.actorId(), sessionId, protocol, myRole, invitee.getKey(),
          conversation.participants());
      answers.add(router().request(ref, invitation).recover(failure -> Future.failedFuture(
          new SessionSetupException(protocol, invitee.getKey(), ref,
              Router.describe(failure, ref, node.options().setupTimeout().toMillis())))));
    }
    Promise<Conversation> established = Promise.promise();
    conversation.awaitSetup(Future.all(answers)).onComplete(all -> {
      if (conversation.state() != LocalConversation.State.PENDING) {
        established.fail(new IllegalStateException("actor " + self + " stopped while setting up " + protocol));
      } else if (all.failed()) {
        conversation.end(EndReason.SETUP_FAILED, true, false);
        established.fail(all.cause());
      } else {
        for (Map.Entry<String, ActorRef> invitee : invitees.entrySet()) {
          ActorRef ref = invitee.getValue();
          router().send(ref, Envelope.establish(ref.actorId(), sessionId, protocol, myRole, invitee.getKey()));
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
    if (stopped) {
      request.fail(Router.NO_ACTOR, "has stopped");
      return;
    }
    if (sessions.containsKey(invitation.sessionId())) {
      request.fail(Router.REFUSED, "already plays a role in session " + invitation.sessionId());
      return;
    }
    if (!node.options().roles().mayPlay(kind, protocol, role)) {
      request.fail(Router.REFUSED, "is a " + kind + ", which may not play " + role + " in " + protocol);
      return;
    }
    boolean[] accepted = {false};
    callback(() -> accepted[0] = actor.acceptInvitation(protocol, role));
    if (!accepted[0]) {
      request.fail(Router.REFUSED, stopped ? "crashed on the invitation" : "refused the invitation");
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

  private Monitor newMonitor(String protocol, String role) {
    return node.options().monitorEnabled() ? protocols().newMonitor(protocol, role) : null;
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
