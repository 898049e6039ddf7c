package org.sessionchat.chat.actor;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.sessionchat.chat.actor.ClientEvent.Refusal;
import org.sessionchat.chat.limits.RoomQuota;
import org.sessionchat.chat.net.SerialQueue;
import org.sessionchat.chat.wire.AsciiCase;
import org.sessionchat.chat.wire.Command;
import org.sessionchat.session.ActorContext;
import org.sessionchat.session.ActorRef;
import org.sessionchat.session.Conversation;
import org.sessionchat.session.EndReason;
import org.sessionchat.session.ProtocolViolationException;
import org.sessionchat.session.SessionActor;
import org.sessionchat.session.SessionMessage;
import org.sessionchat.session.SessionSetupException;
import org.sessionchat.session.SetupFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connected chat user, playing {@code ClientThread} in its {@code ChatServer} sessions
 * (the lobby, registered as {@value #LOBBY} while in use) and, for each room it is in, in a
 * {@code ChatSession} with the room (registered as {@value #ROOM}{@code :<room>}).
 *
 * <p>Why the commands go through a queue: the lobby protocol has one request outstanding at
 * a time, so each command runs to its reply before the next one starts; replies come back
 * in command order and a fast typist cannot make the client break its own protocol.
 * Chat lines from the room are delivered as they arrive, independent of that queue.
 *
 * <p>The actor's state is one {@link RoomState} per room (none: the lobby), found by the room's
 * name in any case; each state keeps the name as the room's creator spelt it, which the
 * room manager's {@code roomPID} told, and that is the name the client is shown. A lobby session
 * that initiated a room's {@code ChatSession} waits in its {@code initiates} state until the
 * room session ends, so the actor keeps a small pool of lobby sessions and starts another
 * one only when all are waiting for a room.
 *
 * <p>It speaks no wire format: commands arrive as {@link Command}s from its
 * {@link ClientTransport} and everything it says goes back as a {@link ClientEvent}.
 *
 * <p>A chat message travels as {@code <nick>:<text>}: the sender's nick at the time it
 * spoke, which the room relays unchanged to the other members (see docs/chat.md).
 */
public final class ClientActor implements SessionActor {

  /** Key of the lobby ({@code ChatServer}) session the current request uses. */
  public static final String LOBBY = "main_thread";
  /** Key prefix of the room ({@code ChatSession}) sessions, {@code chat_session:<room>}. */
  public static final String ROOM = "chat_session";

  private static final Logger log = LoggerFactory.getLogger(ClientActor.class);
  private static final long UNREACHABLE_RETRY_NANOS = 5_000_000_000L;
  private static final long UNREACHABLE_RETRY_PAUSE_MILLIS = 300;
  private static final int QUEUE_HIGH_WATER = 64;

  /** The answer the current lobby request waits for, in lobby session {@code sessionId}. */
  private record PendingReply(String sessionId, Promise<SessionMessage> answer) {
  }

  private final ClientTransport transport;
  private final ClientMode mode;
  private final ActorRef roomManager;
  private final ActorRef nickServer;
  private final String nodeName;
  private final SerialQueue commands;
  private final RoomQuota quota;
  /**
   * By room name in lower case ({@link AsciiCase#fold}); changed only through {@link #putRoom} and
   * {@link #removeRoom}, which keep {@link #lastFound} true.
   */
  private final Map<String, RoomState> rooms = new LinkedHashMap<>();
  /**
   * The room state {@link #roomOf} found last, dropped whenever {@link #rooms} changes: a
   * client gets every line of its room in one session, which is then found without a walk.
   */
  private RoomState lastFound;
  private final List<Conversation> lobbies = new ArrayList<>(2);
  private final IrcExtras irc;
  private ActorContext context;
  private String nick;
  private Future<Conversation> lobbyStarting;
  private PendingReply pending;
  /** Why the actor closes its transport; null while it has not (the client or a limit closes it). */
  private ClientTransport.CloseReason closing;

  /**
   * @param transport   the client's connection (or a test's stand-in), not yet started
   * @param roomManager this node's room manager, the {@code RoomRegistry} of the lobby session
   * @param nick        the guest name the client starts with
   * @param nodeName    the node's name, for the welcome
   */
  public ClientActor(ClientTransport transport, ActorRef roomManager, String nick, String nodeName) {
    this(transport, roomManager, nick, nodeName, RoomQuota.unlimited());
  }

  /**
   * @param quota the node's room limits, asked before each CREATE
   */
  public ClientActor(ClientTransport transport, ActorRef roomManager, String nick, String nodeName,
      RoomQuota quota) {
    this(transport, ClientMode.LINE, roomManager, null, nick, nodeName, quota);
  }

  /**
   * @param mode       what the client's wire protocol offers
   * @param nickServer this node's nick server (IRC only; null for the line protocol)
   */
  public ClientActor(ClientTransport transport, ClientMode mode, ActorRef roomManager, ActorRef nickServer,
      String nick, String nodeName, RoomQuota quota) {
    this.quota = quota;
    this.transport = transport;
    this.mode = mode;
    this.nickServer = nickServer;
    this.irc = mode == ClientMode.IRC ? new IrcExtras(this) : null;
    this.roomManager = roomManager;
    this.nick = nick;
    this.nodeName = nodeName;
    this.commands = new SerialQueue(QUEUE_HIGH_WATER, transport::pause, transport::resume);
  }

  @Override
  public void started(ActorContext context) {
    this.context = context;
    log.info("Client {} connected from {}", nick, transport.remoteAddress());
    transport.onClose(this::disconnected);
    transport.deliver(new ClientEvent.Welcome(nick, nodeName));
    freeLobby();
    transport.start(command -> commands.submit(() -> execute(command)));
  }

  private Future<Void> execute(Command command) {
    if (command instanceof Command.Invalid invalid) {
      return tell(new ClientEvent.Invalid(invalid.error()));
    } else if (command instanceof Command.Help help) {
      return tell(new ClientEvent.Help(help.command()));
    } else if (command instanceof Command.Ping ping) {
      return tell(new ClientEvent.Pong(ping.token()));
    } else if (command instanceof Command.Deferred deferred) {
      return execute(deferred.command().get());
    } else if (command instanceof Command.Sequence sequence) {
      Future<Void> done = Future.succeededFuture();
      for (Command next : sequence.commands()) {
        done = done.compose(previous -> execute(next));
      }
      return done;
    } else if (command instanceof Command.Local local) {
      local.action().run();
      return Future.succeededFuture();
    } else if (command instanceof Command.Nick rename) {
      if (irc != null) {
        return irc.claimNick(rename.name());
      }
      nick = rename.name();
      return tell(new ClientEvent.NickSet(nick));
    } else if (command instanceof Command.Quit quit) {
      return quit(quit.reason());
    } else if (command instanceof Command.ListRooms) {
      return inLobby(this::listRooms);
    } else if (command instanceof Command.Create create) {
      return inLobby(() -> create(create.room()));
    } else if (command instanceof Command.Join join) {
      return irc != null ? irc.join(join.room(), null) : inLobby(() -> join(join.room()));
    } else if (command instanceof Command.Chat chat) {
      return inRoom(room -> chat(room, chat.text()));
    } else if (command instanceof Command.Leave) {
      return inRoom(in -> leave(in, null));
    } else if (irc != null) {
      return irc.execute(command);
    }
    throw new IllegalStateException("unhandled command " + command);
  }

  /** Runs a lobby command if the client is in no room (one room at a time; IRC: any time). */
  private Future<Void> inLobby(Supplier<Future<Void>> action) {
    return rooms.isEmpty() || irc != null ? action.get() : refuse(Refusal.IN_ROOM, rooms.values().iterator().next().room());
  }

  /** Runs a room command in the room the client is in. */
  private Future<Void> inRoom(Function<RoomState.InRoom, Future<Void>> action) {
    for (RoomState state : rooms.values()) {
      if (state instanceof RoomState.InRoom in) {
        return action.apply(in);
      }
    }
    return refuse(Refusal.NOT_IN_ROOM, null);
  }

  // --- lobby: one request, one reply, in a ChatServer session

  private Future<Void> listRooms() {
    return request("LIST", ChatProtocol.LIST_ROOMS).compose(roomList -> {
      List<String> names = new ArrayList<>();
      for (Object name : (List<?>) roomList.payload().get(0)) {
        names.add(String.valueOf(name));
      }
      names.sort(Comparator.comparing(AsciiCase::fold));
      return tell(new ClientEvent.RoomList(names));
    }, failure -> failed("LIST", failure));
  }

  private Future<Void> create(String name) {
    if (!quota.mayCreateRoom()) {
      return refuse(Refusal.TOO_MANY_ROOMS, name);
    }
    if (!quota.hasQuorum()) {
      return refuse(Refusal.UNAVAILABLE, "CREATE"); // cut off from the majority: see docs/reliability.md
    }
    return request("CREATE", ChatProtocol.CREATE_ROOM, name).compose(
        answer -> ChatProtocol.CREATE_ROOM_SUCCESS.equals(answer.label())
            ? tell(new ClientEvent.RoomCreated(name)) : refuse(Refusal.ROOM_EXISTS, name),
        failure -> failed("CREATE", failure));
  }

  private Future<Void> join(String name) {
    return lookup(name).compose(answer -> ChatProtocol.ROOM_PID.equals(answer.label())
        ? enter(answer.string(0), ActorRef.parse(answer.string(1))).mapEmpty()
        : refuse(Refusal.ROOM_NOT_FOUND, name), failure -> failed("JOIN", failure));
  }

  /**
   * {@code lookupRoom(name)} in a free lobby session: answered {@code roomPID} (with the name
   * as the room spells it) or {@code roomNotFound}.
   */
  Future<SessionMessage> lookup(String name) {
    return request("JOIN", ChatProtocol.LOOKUP_ROOM, name);
  }

  /** {@code createRoom(name)} in a free lobby session: answered {@code createRoomSuccess} or {@code roomExists}. */
  Future<SessionMessage> createRoom(String name) {
    return request("CREATE", ChatProtocol.CREATE_ROOM, name);
  }

  /**
   * After {@code roomPID}: initiates the {@code ChatSession} with {@code roomRef} (the room
   * {@code name}, spelt as {@code roomPID} named it) from the lobby session that asked.
   * Succeeds with the room session, or with null once the refusal was told (the room is full
   * or went away; the lobby resumed in its handle block).
   */
  Future<Conversation> enter(String name, ActorRef roomRef) {
    return enter(name, roomRef, System.nanoTime() + UNREACHABLE_RETRY_NANOS);
  }

  /**
   * A room the registry lists may be out of reach for a moment: its node is merging back
   * into the cluster (after a pause or a split) and its event-bus address is republished
   * only once the merge completed. So an invitation that finds no one there is tried again,
   * with a fresh lookup, until {@code deadline}; a room that is really gone is no longer in
   * the registry and is refused at once.
   */
  private Future<Conversation> enter(String name, ActorRef roomRef, long deadline) {
    Conversation lobby = context.conversation(LOBBY).orElseThrow();
    putRoom(name, new RoomState.Joining(name, lobby, roomRef));
    return inSession(LOBBY, current -> current.initiate(ChatProtocol.CHAT_SESSION,
            Map.of(ChatProtocol.CHAT_ROOM, roomRef)))
        .compose(chatSession -> {
          entered(chatSession);
          return Future.succeededFuture(chatSession);
        }, failure -> {
          removeRoom(name);
          log.info("Client {} could not join room {}: {}", nick, name, failure.getMessage());
          if (failure instanceof SessionSetupException setup && setup.reason() == SetupFailure.UNREACHABLE
              && System.nanoTime() < deadline) {
            return later(UNREACHABLE_RETRY_PAUSE_MILLIS).compose(waited -> lookup(name)).compose(answer ->
                ChatProtocol.ROOM_PID.equals(answer.label())
                    ? enter(answer.string(0), ActorRef.parse(answer.string(1)), deadline)
                    : refuse(Refusal.ROOM_NOT_FOUND, name).map((Conversation) null));
          }
          return refuse(RoomQuota.isRefusal(failure) ? Refusal.ROOM_FULL : Refusal.ROOM_NOT_FOUND, name)
              .map((Conversation) null);
        });
  }

  /** Completes after {@code millis} on this actor's context. */
  private Future<Void> later(long millis) {
    Promise<Void> done = Promise.promise();
    Vertx.currentContext().owner().setTimer(millis, timer -> done.complete());
    return done.future();
  }

  /** Sends {@code label(payload)} to the room manager in a free lobby session and waits for its answer. */
  private Future<SessionMessage> request(String command, String label, Object... payload) {
    return freeLobby().compose(started -> ask(LOBBY, ChatProtocol.ROOM_REGISTRY, label, payload));
  }

  /** Sends {@code label(payload)} in the session registered as {@code key} and waits for the one answer. */
  Future<SessionMessage> ask(String key, String toRole, String label, Object... payload) {
    return inSession(key, session -> {
      Promise<SessionMessage> answer = Promise.promise();
      pending = new PendingReply(session.sessionId(), answer);
      return session.send(toRole, label, payload).compose(sent -> answer.future());
    }).onFailure(failure -> pending = null);
  }

  /**
   * A lobby session no room is waiting on, registered as {@value #LOBBY}; started if there
   * is none.
   */
  private Future<Conversation> freeLobby() {
    lobbies.removeIf(lobby -> !lobby.isActive());
    for (Conversation lobby : lobbies) {
      if (!waitsForRoom(lobby)) {
        context.register(LOBBY, lobby);
        return Future.succeededFuture(lobby);
      }
    }
    if (lobbyStarting == null) {
      lobbyStarting = context.startSession(ChatProtocol.CHAT_SERVER, ChatProtocol.CLIENT_THREAD,
              Map.of(ChatProtocol.ROOM_REGISTRY, roomManager))
          .onSuccess(this::addLobby)
          .onComplete(done -> lobbyStarting = null);
    }
    return lobbyStarting;
  }

  private void addLobby(Conversation lobby) {
    if (lobbies.stream().noneMatch(known -> known.sessionId().equals(lobby.sessionId()))) {
      lobbies.add(lobby);
    }
    context.register(LOBBY, lobby);
  }

  private boolean waitsForRoom(Conversation lobby) {
    return rooms.values().stream().anyMatch(state -> state.lobby().sessionId().equals(lobby.sessionId()));
  }

  // --- in a room: its ChatSession

  private Future<Void> chat(RoomState.InRoom in, String text) {
    return inSession(roomKey(in.room()), chatSession ->
        chatSession.send(ChatProtocol.CHAT_ROOM, ChatProtocol.OUTGOING_CHAT_MESSAGE, nick + ":" + text))
        .recover(failure -> failed("CHAT", failure));
  }

  /**
   * Sends {@code leaveRoom} and answers as soon as the monitor let it through: the session
   * completes right there (the FSM is terminal after {@code leaveRoom}) and the lobby resumes.
   */
  Future<Void> leave(RoomState.InRoom in, String reason) {
    String sessionId = in.session().sessionId();
    putRoom(in.room(), new RoomState.Leaving(in.room(), in.lobby(), sessionId, reason));
    return inSession(roomKey(in.room()), chatSession ->
            chatSession.send(ChatProtocol.CHAT_ROOM, ChatProtocol.LEAVE_ROOM))
        .compose(sent -> {
          left(in.room(), sessionId);
          return Future.<Void>succeededFuture();
        }, failure -> {
          if (room(in.room()) instanceof RoomState.Leaving) {
            putRoom(in.room(), in);
          }
          return failed("LEAVE", failure);
        });
  }

  /** The client left room session {@code sessionId} by LEAVE: out of the room (once). */
  private void left(String room, String sessionId) {
    if (room(room) instanceof RoomState.Leaving leaving && leaving.sessionId().equals(sessionId)) {
      forget(room);
      transport.deliver(new ClientEvent.Left(room, leaving.reason()));
    }
  }

  /** Drops the room's state and session key; its lobby session is free again. */
  private void forget(String room) {
    removeRoom(room);
    context.unregister(roomKey(room));
  }

  /** The client's state in {@code name} (in any case), or null: not in it. */
  RoomState room(String name) {
    return rooms.get(AsciiCase.fold(name));
  }

  private void entered(Conversation chatSession) {
    ActorRef roomRef = chatSession.participant(ChatProtocol.CHAT_ROOM);
    for (RoomState state : List.copyOf(rooms.values())) {
      if (state instanceof RoomState.Joining joining && joining.roomRef().equals(roomRef)) {
        putRoom(joining.room(), new RoomState.InRoom(joining.room(), joining.lobby(), chatSession));
        context.register(roomKey(joining.room()), chatSession);
        transport.deliver(new ClientEvent.Joined(joining.room()));
        return;
      }
    }
  }

  /** The room whose session is {@code sessionId}, if the client has one. */
  private Optional<RoomState> roomOf(String sessionId) {
    return Optional.ofNullable(roomFor(sessionId));
  }

  /**
   * The room whose session is {@code sessionId}, or null: for each chat line's delivery, with
   * no {@code Optional} (the JIT does not remove one made on two paths, the memo's and the walk's).
   */
  private RoomState roomFor(String sessionId) {
    RoomState last = lastFound;
    if (last != null && sessionId.equals(last.sessionId())) {
      return last;
    }
    for (RoomState state : rooms.values()) {
      if (sessionId.equals(state.sessionId())) {
        lastFound = state;
        return state;
      }
    }
    return null;
  }

  private void putRoom(String room, RoomState state) {
    lastFound = null;
    rooms.put(AsciiCase.fold(room), state);
  }

  private void removeRoom(String room) {
    lastFound = null;
    rooms.remove(AsciiCase.fold(room));
  }

  static String roomKey(String room) {
    return ROOM + ":" + room;
  }

  // --- session callbacks

  @Override
  public void conversationEstablished(Conversation conversation) {
    if (ChatProtocol.CHAT_SESSION.equals(conversation.protocol())) {
      entered(conversation);
    } else if (ChatProtocol.CHAT_SERVER.equals(conversation.protocol())) {
      addLobby(conversation);
    }
  }

  @Override
  public void received(Conversation conversation, SessionMessage message) {
    if (ChatProtocol.NICK_LOST.equals(message.label()) && irc != null) {
      irc.nickLost(message.string(0), message.string(1));
      return;
    }
    if (ChatProtocol.CHAT_SERVER.equals(conversation.protocol())
        || ChatProtocol.NICK_REGISTRY.equals(conversation.protocol())) {
      PendingReply awaited = pending;
      if (awaited != null && awaited.sessionId().equals(conversation.sessionId())) {
        pending = null;
        awaited.answer().complete(message);
      }
      return;
    }
    if (!ChatProtocol.CHAT_SESSION.equals(conversation.protocol())) {
      if (irc != null) {
        irc.received(conversation, message);
      }
      return;
    }
    if (roomFor(conversation.sessionId()) instanceof RoomState.InRoom in) {
      transport.deliver(new ClientEvent.Message(in.room(), message.string(0)));
    }
  }

  @Override
  public void conversationEnded(Conversation conversation, EndReason reason) {
    if (ChatProtocol.CHAT_SERVER.equals(conversation.protocol())) {
      lobbiesEnded(conversation, reason);
      return;
    }
    if (!ChatProtocol.CHAT_SESSION.equals(conversation.protocol())) {
      failPending(conversation, reason);
      if (irc != null) {
        irc.ended(conversation);
      }
      return;
    }
    Optional<RoomState> found = roomOf(conversation.sessionId());
    if (found.isEmpty()) {
      return;
    }
    RoomState state = found.get();
    if (state instanceof RoomState.Leaving) {
      left(state.room(), conversation.sessionId());
      return;
    }
    forget(state.room());
    if (reason != EndReason.LOCAL_STOP) {
      log.info("Client {}: room {} went offline ({})", nick, state.room(), reason);
      if (irc != null) {
        irc.roomLost(state.room());
      } else {
        transport.deliver(new ClientEvent.RoomOffline(state.room()));
      }
    }
  }

  private void lobbiesEnded(Conversation lobby, EndReason reason) {
    lobbies.removeIf(known -> known.sessionId().equals(lobby.sessionId()));
    context.conversation(LOBBY).filter(current -> current.sessionId().equals(lobby.sessionId()))
        .ifPresent(current -> context.unregister(LOBBY));
    failPending(lobby, reason);
  }

  private void failPending(Conversation session, EndReason reason) {
    PendingReply awaited = pending;
    if (awaited != null && awaited.sessionId().equals(session.sessionId())) {
      pending = null;
      awaited.answer().fail(new IllegalStateException(session.protocol() + " session ended: " + reason));
    }
  }

  @Override
  public void stopped() {
    closing = ClientTransport.CloseReason.ACTOR_STOPPED;
    transport.close(ClientTransport.CloseReason.ACTOR_STOPPED);
  }

  // --- connection

  private Future<Void> quit(String reason) {
    commands.clear();
    closing = ClientTransport.CloseReason.CLIENT_QUIT;
    if (irc != null) {
      irc.quitChannels(reason == null ? "Quit" : "Quit: " + reason);
    }
    transport.close(ClientTransport.CloseReason.CLIENT_QUIT);
    return Future.succeededFuture();
  }

  private void disconnected() {
    log.info("Client {} disconnected ({})", nick, closing == null ? "connection closed"
        : closing == ClientTransport.CloseReason.CLIENT_QUIT ? "QUIT" : "node stopping");
    commands.clear();
    if (irc != null) {
      irc.quitChannels("Connection closed");
    }
    context.stop();
  }

  // --- for IrcExtras

  ActorContext context() {
    return context;
  }

  ClientTransport transport() {
    return transport;
  }

  RoomQuota quota() {
    return quota;
  }

  ActorRef nickServer() {
    return nickServer;
  }

  String nodeName() {
    return nodeName;
  }

  String nick() {
    return nick;
  }

  void nick(String newNick) {
    nick = newNick;
  }

  /** Queues {@code task} behind the client's commands. */
  void submit(Supplier<Future<Void>> task) {
    commands.submit(task::get);
  }

  Future<Void> chatIn(RoomState.InRoom in, String text) {
    return chat(in, text);
  }

  Future<Void> tell(ClientEvent event) {
    transport.deliver(event);
    return Future.succeededFuture();
  }

  Future<Void> refuse(Refusal refusal, String argument) {
    return tell(new ClientEvent.Refused(refusal, argument));
  }

  Future<Void> failed(String command, Throwable failure) {
    if (failure instanceof ProtocolViolationException violation) {
      log.warn("Client {}: monitor refused {} in session {} ({}/{} in state {})", nick, violation.label(),
          violation.sessionId(), violation.protocol(), violation.role(), violation.state());
      return tell(new ClientEvent.Violation(violation));
    }
    log.warn("Client {}: {} failed: {}", nick, command, failure.getMessage());
    return refuse(Refusal.UNAVAILABLE, command);
  }

  /** Runs {@code action} in the session registered under {@code key} (see {@link ActorContext#become}). */
  <T> Future<T> inSession(String key, Function<Conversation, Future<T>> action) {
    List<Future<T>> result = new ArrayList<>(1);
    if (!context.become(key, conversation -> result.add(action.apply(conversation)))) {
      return Future.failedFuture(new IllegalStateException("no active " + key + " session"));
    }
    return result.get(0);
  }
}
