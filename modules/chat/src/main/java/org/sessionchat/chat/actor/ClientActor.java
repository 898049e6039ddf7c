package org.sessionchat.chat.actor;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.sessionchat.chat.limits.RoomQuota;
import org.sessionchat.chat.net.LineConnection;
import org.sessionchat.chat.net.SerialQueue;
import org.sessionchat.chat.wire.Command;
import org.sessionchat.chat.wire.Replies;
import org.sessionchat.session.ActorContext;
import org.sessionchat.session.ActorRef;
import org.sessionchat.session.Conversation;
import org.sessionchat.session.EndReason;
import org.sessionchat.session.ProtocolViolationException;
import org.sessionchat.session.SessionActor;
import org.sessionchat.session.SessionMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connected chat user, playing {@code ClientThread} in its {@code ChatServer} session
 * (the lobby, registered as {@value #LOBBY}) and, while in a room, in a {@code ChatSession}
 * with the room (registered as {@value #ROOM}).
 *
 * <p>Why the commands go through a queue: the lobby protocol has one request outstanding at
 * a time, so each command runs to its reply before the next one starts; replies come back
 * in command order and a fast typist cannot make the client break its own protocol.
 * Chat lines from the room are written as they arrive, independent of that queue.
 *
 * <p>A chat message travels as {@code <nick>:<text>}: the sender's nick at the time it
 * spoke, which the room relays unchanged to the other members (see docs/chat.md).
 */
public final class ClientActor implements SessionActor {

  /** Key of the lobby ({@code ChatServer}) session. */
  public static final String LOBBY = "main_thread";
  /** Key of the room ({@code ChatSession}) session. */
  public static final String ROOM = "chat_session";

  private static final Logger log = LoggerFactory.getLogger(ClientActor.class);
  private static final int QUEUE_HIGH_WATER = 64;

  private final LineConnection connection;
  private final ActorRef roomManager;
  private final String nodeName;
  private final SerialQueue commands;
  private final RoomQuota quota;
  private ActorContext context;
  private String nick;
  private Future<Conversation> lobbyStarting;
  private Promise<SessionMessage> awaitedReply;
  private String joining;
  private String room;
  private String roomSessionId;
  private String leavingSessionId;

  /**
   * @param connection  the client's connection, not yet started
   * @param roomManager this node's room manager, the {@code RoomRegistry} of the lobby session
   * @param nick        the guest name the client starts with
   * @param nodeName    the node's name, for the welcome line
   */
  public ClientActor(LineConnection connection, ActorRef roomManager, String nick, String nodeName) {
    this(connection, roomManager, nick, nodeName, RoomQuota.unlimited());
  }

  /**
   * @param quota the node's room limits, asked before each CREATE
   */
  public ClientActor(LineConnection connection, ActorRef roomManager, String nick, String nodeName, RoomQuota quota) {
    this.quota = quota;
    this.connection = connection;
    this.roomManager = roomManager;
    this.nick = nick;
    this.nodeName = nodeName;
    this.commands = new SerialQueue(QUEUE_HIGH_WATER, connection::pause, connection::resume);
  }

  @Override
  public void started(ActorContext context) {
    this.context = context;
    log.info("Client {} connected from {}", nick, connection.remoteAddress());
    connection.onClose(this::disconnected);
    connection.send(Replies.welcome(nick, nodeName));
    lobby();
    connection.start(command -> commands.submit(() -> execute(command)));
  }

  private Future<Void> execute(Command command) {
    if (command instanceof Command.Invalid invalid) {
      return reply(invalid.error());
    } else if (command instanceof Command.Ping ping) {
      return reply(Replies.pong(ping.token()));
    } else if (command instanceof Command.Nick rename) {
      nick = rename.name();
      return reply(Replies.ok("NICK", nick));
    } else if (command instanceof Command.Quit) {
      return quit();
    } else if (command instanceof Command.ListRooms) {
      return inLobby(this::listRooms);
    } else if (command instanceof Command.Create create) {
      return inLobby(() -> create(create.room()));
    } else if (command instanceof Command.Join join) {
      return inLobby(() -> join(join.room()));
    } else if (command instanceof Command.Chat chat) {
      return inRoom(() -> chat(chat.text()));
    } else if (command instanceof Command.Leave) {
      return inRoom(this::leave);
    }
    throw new IllegalStateException("unhandled command " + command);
  }

  private Future<Void> inLobby(Supplier<Future<Void>> action) {
    return room == null ? action.get() : reply(Replies.inRoom(room));
  }

  private Future<Void> inRoom(Supplier<Future<Void>> action) {
    return room != null ? action.get() : reply(Replies.NOT_IN_ROOM);
  }

  // --- lobby: one request, one reply, in the ChatServer session

  private Future<Void> listRooms() {
    return request("LIST", ChatProtocol.LIST_ROOMS).compose(roomList -> {
      List<String> names = new ArrayList<>();
      for (Object name : (List<?>) roomList.payload().get(0)) {
        names.add(String.valueOf(name));
      }
      names.sort(null);
      return reply(Replies.rooms(names));
    }, failure -> reply(failureLine("LIST", failure)));
  }

  private Future<Void> create(String name) {
    if (!quota.mayCreateRoom()) {
      return reply(Replies.tooManyRooms(name));
    }
    return request("CREATE", ChatProtocol.CREATE_ROOM, name).compose(
        answer -> reply(ChatProtocol.CREATE_ROOM_SUCCESS.equals(answer.label())
            ? Replies.ok("CREATE", name) : Replies.roomExists(name)),
        failure -> reply(failureLine("CREATE", failure)));
  }

  private Future<Void> join(String name) {
    return request("JOIN", ChatProtocol.LOOKUP_ROOM, name).compose(answer -> {
      if (!ChatProtocol.ROOM_PID.equals(answer.label())) {
        return reply(Replies.roomNotFound(name));
      }
      ActorRef roomRef = ActorRef.parse(answer.string(1));
      joining = name;
      return inSession(LOBBY, lobby -> lobby.initiate(ChatProtocol.CHAT_SESSION, Map.of(ChatProtocol.CHAT_ROOM, roomRef)))
          .compose(chatSession -> {
            entered(chatSession);
            return Future.<Void>succeededFuture();
          }, failure -> {
            // the room went away between lookup and invitation: the lobby has resumed in its handle block
            joining = null;
            log.info("Client {} could not join room {}: {}", nick, name, failure.getMessage());
            return reply(RoomQuota.isRefusal(failure) ? Replies.roomFull(name) : Replies.roomNotFound(name));
          });
    }, failure -> reply(failureLine("JOIN", failure)));
  }

  /** Sends {@code label(payload)} to the room manager and waits for its answer. */
  private Future<SessionMessage> request(String command, String label, Object... payload) {
    return lobby().compose(started -> inSession(LOBBY, lobby -> {
      Promise<SessionMessage> answer = Promise.promise();
      awaitedReply = answer;
      return lobby.send(ChatProtocol.ROOM_REGISTRY, label, payload).compose(sent -> answer.future());
    })).onFailure(failure -> awaitedReply = null);
  }

  private Future<Conversation> lobby() {
    Optional<Conversation> current = context.conversation(LOBBY);
    if (current.isPresent()) {
      return Future.succeededFuture(current.get());
    }
    if (lobbyStarting == null) {
      lobbyStarting = context.startSession(ChatProtocol.CHAT_SERVER, ChatProtocol.CLIENT_THREAD,
              Map.of(ChatProtocol.ROOM_REGISTRY, roomManager))
          .onSuccess(lobby -> context.register(LOBBY, lobby))
          .onComplete(done -> lobbyStarting = null);
    }
    return lobbyStarting;
  }

  // --- in a room: the ChatSession

  private Future<Void> chat(String text) {
    return inSession(ROOM, chatSession ->
        chatSession.send(ChatProtocol.CHAT_ROOM, ChatProtocol.OUTGOING_CHAT_MESSAGE, nick + ":" + text))
        .recover(failure -> reply(failureLine("CHAT", failure)));
  }

  /**
   * Sends {@code leaveRoom} and answers as soon as the monitor let it through. The session
   * normally completes right there (and the lobby resumes); with the monitor off the runtime
   * cannot tell it completed, so the client does not wait for that.
   */
  private Future<Void> leave() {
    String sessionId = roomSessionId;
    leavingSessionId = sessionId;
    return inSession(ROOM, chatSession -> chatSession.send(ChatProtocol.CHAT_ROOM, ChatProtocol.LEAVE_ROOM))
        .compose(sent -> {
          left(sessionId);
          return Future.<Void>succeededFuture();
        }, failure -> {
          leavingSessionId = null;
          return reply(failureLine("LEAVE", failure));
        });
  }

  /** The client left room session {@code sessionId} by LEAVE: back in the lobby (once). */
  private void left(String sessionId) {
    if (sessionId.equals(roomSessionId)) {
      connection.send(Replies.ok("LEAVE", backToLobby()));
    }
  }

  /** Forgets the room session; returns the room's name. */
  private String backToLobby() {
    String left = room;
    room = null;
    roomSessionId = null;
    leavingSessionId = null;
    context.unregister(ROOM);
    return left;
  }

  private void entered(Conversation chatSession) {
    if (joining == null || chatSession.sessionId().equals(roomSessionId)) {
      return;
    }
    room = joining;
    joining = null;
    roomSessionId = chatSession.sessionId();
    context.register(ROOM, chatSession);
    connection.send(Replies.ok("JOIN", room));
  }

  // --- session callbacks

  @Override
  public void conversationEstablished(Conversation conversation) {
    if (ChatProtocol.CHAT_SESSION.equals(conversation.protocol())) {
      entered(conversation);
    } else {
      context.register(LOBBY, conversation);
    }
  }

  @Override
  public void received(Conversation conversation, SessionMessage message) {
    if (ChatProtocol.CHAT_SERVER.equals(conversation.protocol())) {
      Promise<SessionMessage> answer = awaitedReply;
      awaitedReply = null;
      if (answer != null) {
        answer.complete(message);
      }
    } else if (conversation.sessionId().equals(roomSessionId)) {
      connection.send(Replies.message(room, message.string(0)));
    }
  }

  @Override
  public void conversationEnded(Conversation conversation, EndReason reason) {
    if (ChatProtocol.CHAT_SERVER.equals(conversation.protocol())) {
      context.unregister(LOBBY);
      Promise<SessionMessage> answer = awaitedReply;
      awaitedReply = null;
      if (answer != null) {
        answer.fail(new IllegalStateException("lobby session ended: " + reason));
      }
      return;
    }
    if (!conversation.sessionId().equals(roomSessionId)) {
      return;
    }
    if (conversation.sessionId().equals(leavingSessionId)) {
      left(conversation.sessionId());
      return;
    }
    String left = backToLobby();
    if (reason != EndReason.LOCAL_STOP) {
      log.info("Client {}: room {} went offline ({})", nick, left, reason);
      connection.send(Replies.offline(left));
    }
  }

  @Override
  public void stopped() {
    connection.close();
  }

  // --- connection

  private Future<Void> quit() {
    commands.clear();
    connection.send(Replies.BYE);
    connection.close();
    return Future.succeededFuture();
  }

  private void disconnected() {
    log.info("Client {} disconnected", nick);
    commands.clear();
    context.stop();
  }

  private Future<Void> reply(String line) {
    connection.send(line);
    return Future.succeededFuture();
  }

  private String failureLine(String command, Throwable failure) {
    if (failure instanceof ProtocolViolationException violation) {
      log.warn("Client {}: monitor refused {} in session {} ({}/{} in state {})", nick, violation.label(),
          violation.sessionId(), violation.protocol(), violation.role(), violation.state());
      return Replies.protocolViolation(violation);
    }
    log.warn("Client {}: {} failed: {}", nick, command, failure.getMessage());
    return Replies.unavailable(command);
  }

  /** Runs {@code action} in the session registered under {@code key} (see {@link ActorContext#become}). */
  private <T> Future<T> inSession(String key, Function<Conversation, Future<T>> action) {
    List<Future<T>> result = new ArrayList<>(1);
    if (!context.become(key, conversation -> result.add(action.apply(conversation)))) {
      return Future.failedFuture(new IllegalStateException("no active " + key + " session"));
    }
    return result.get(0);
  }
}
