package org.sessionchat.chat.actor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sessionchat.chat.testing.LineClient;
import org.sessionchat.chat.testing.LocalChatNode;
import org.sessionchat.session.ActorContext;
import org.sessionchat.session.ActorRef;
import org.sessionchat.session.Conversation;
import org.sessionchat.session.ProtocolViolationException;
import org.sessionchat.session.SessionActor;
import org.sessionchat.session.SessionMessage;

/**
 * A deliberately wrong client actor (application code gone bad, not a fake monitor) is
 * stopped by the session monitor: its messages never reach the room manager or the room.
 */
class MonitorRefusesWrongClientTest {

  private LocalChatNode node;
  private LineClient ann;
  private LineClient observer;
  private WrongClient wrong;

  /** Speaks the chat protocols directly, and out of turn when the test tells it to. */
  static final class WrongClient implements SessionActor {
    final CompletableFuture<Context> started = new CompletableFuture<>();
    final BlockingQueue<SessionMessage> received = new LinkedBlockingQueue<>();
    ActorContext context;

    @Override
    public void started(ActorContext context) {
      this.context = context;
      started.complete(Vertx.currentContext());
    }

    @Override
    public void received(Conversation conversation, SessionMessage message) {
      received.add(message);
    }

    /** Runs {@code action} on the actor's context and waits for its result. */
    <T> T on(Supplier<Future<T>> action) throws Exception {
      CompletableFuture<T> result = new CompletableFuture<>();
      started.get(5, TimeUnit.SECONDS).runOnContext(ignored ->
          action.get().onSuccess(result::complete).onFailure(result::completeExceptionally));
      try {
        return result.get(10, TimeUnit.SECONDS);
      } catch (ExecutionException e) {
        throw (Exception) e.getCause();
      }
    }

    SessionMessage nextReceived() throws InterruptedException {
      SessionMessage message = received.poll(10, TimeUnit.SECONDS);
      assertThat(message).as("a message for the wrong client").isNotNull();
      return message;
    }
  }

  @BeforeEach
  void start() throws Exception {
    node = LocalChatNode.start("monitor-node", true);
    ann = node.connect("ann");
    ann.call("CREATE:guarded", "OK:CREATE:guarded").call("JOIN:guarded", "OK:JOIN:guarded");
    observer = node.connect("obs");
    wrong = new WrongClient();
    node.node().runtime().spawn(ChatProtocol.KIND_CLIENT, wrong).await(5, TimeUnit.SECONDS);
  }

  @AfterEach
  void stop() throws Exception {
    ann.close();
    observer.close();
    node.close();
  }

  private Conversation lobby() throws Exception {
    ActorRef manager = new ActorRef(node.node().runtime().nodeId(), RoomManager.ACTOR_ID);
    return wrong.on(() -> wrong.context.startSession(ChatProtocol.CHAT_SERVER, ChatProtocol.CLIENT_THREAD,
        Map.of(ChatProtocol.ROOM_REGISTRY, manager)));
  }

  @Test
  void aSecondRequestBeforeTheReplyIsRefusedAndNeverReachesTheRoomManager() throws Exception {
    Conversation lobby = lobby();
    // both in one turn of the actor, so the answer to the first cannot arrive in between
    Throwable refused = catchThrowable(() -> wrong.on(() -> {
      lobby.send(ChatProtocol.ROOM_REGISTRY, ChatProtocol.CREATE_ROOM, "first");
      return lobby.send(ChatProtocol.ROOM_REGISTRY, ChatProtocol.CREATE_ROOM, "second");
    }));

    assertThat(refused).isInstanceOf(ProtocolViolationException.class);
    assertThat(((ProtocolViolationException) refused).label()).isEqualTo(ChatProtocol.CREATE_ROOM);
    assertThat(wrong.nextReceived().label()).isEqualTo(ChatProtocol.CREATE_ROOM_SUCCESS);
    observer.call("LIST", "ROOMS:first:guarded");
  }

  @Test
  void messagesTheClientMayNotSendInARoomNeverReachTheRoom() throws Exception {
    Conversation lobby = lobby();
    wrong.on(() -> lobby.send(ChatProtocol.ROOM_REGISTRY, ChatProtocol.LOOKUP_ROOM, "guarded"));
    SessionMessage roomPid = wrong.nextReceived();
    assertThat(roomPid.label()).isEqualTo(ChatProtocol.ROOM_PID);
    Conversation chat = wrong.on(() -> lobby.initiate(ChatProtocol.CHAT_SESSION,
        Map.of(ChatProtocol.CHAT_ROOM, ActorRef.parse(roomPid.string(1)))));

    Throwable wrongDirection = catchThrowable(() -> wrong.on(() ->
        chat.send(ChatProtocol.CHAT_ROOM, ChatProtocol.INCOMING_CHAT_MESSAGE, "mallory:spoofed")));
    Throwable wrongArity = catchThrowable(() -> wrong.on(() ->
        chat.send(ChatProtocol.CHAT_ROOM, ChatProtocol.OUTGOING_CHAT_MESSAGE, "mallory:a", "b")));
    Throwable lobbyWhileInRoom = catchThrowable(() -> wrong.on(() ->
        lobby.send(ChatProtocol.ROOM_REGISTRY, ChatProtocol.LIST_ROOMS)));
    wrong.on(() -> chat.send(ChatProtocol.CHAT_ROOM, ChatProtocol.OUTGOING_CHAT_MESSAGE, "mallory:legit"));

    assertThat(wrongDirection).isInstanceOf(ProtocolViolationException.class);
    assertThat(wrongArity).isInstanceOf(ProtocolViolationException.class);
    assertThat(lobbyWhileInRoom).isInstanceOf(ProtocolViolationException.class);
    // the first line ann gets is the legitimate one: the refused ones never reached the room
    ann.expect("MSG:guarded:mallory:legit");
  }
}
