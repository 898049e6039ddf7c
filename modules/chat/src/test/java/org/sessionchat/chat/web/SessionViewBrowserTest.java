package org.sessionchat.chat.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.sessionchat.chat.ProtocolSource;
import org.sessionchat.chat.actor.ChatProtocol;
import org.sessionchat.chat.actor.RoomManager;
import org.sessionchat.chat.testing.Browser;
import org.sessionchat.chat.testing.ConsoleNode;
import org.sessionchat.chat.testing.LineClient;
import org.sessionchat.chat.testing.SessionsPage;
import org.sessionchat.scribble.fsm.LocalFsm;
import org.sessionchat.scribble.fsm.State;
import org.sessionchat.session.ActorContext;
import org.sessionchat.session.ActorRef;
import org.sessionchat.session.Conversation;
import org.sessionchat.session.ProtocolViolationException;
import org.sessionchat.session.SessionActor;
import org.sessionchat.session.SessionMessage;

/**
 * The Sessions tab against a real node: a client's FSMs drawn with the current state,
 * moving as the client joins a room, chats and leaves; a refused message in the log.
 */
class SessionViewBrowserTest {

  private static LocalFsm fsm(String protocol, String role) throws Exception {
    return ProtocolSource.bundled(true).protocols().fsm(protocol, role);
  }

  @Test
  void theSelectedSessionsFsmMovesAsTheClientJoinsChatsAndLeaves() throws Exception {
    LocalFsm lobbyFsm = fsm(ChatProtocol.CHAT_SERVER, ChatProtocol.CLIENT_THREAD);
    String lobbyHead = lobbyFsm.state(lobbyFsm.initial()).name();
    String inRoom = lobbyFsm.states().stream().filter(s -> s.kind() == State.Kind.INITIATES).findFirst()
        .orElseThrow().name();
    LocalFsm roomFsm = fsm(ChatProtocol.CHAT_SESSION, ChatProtocol.CLIENT_THREAD);
    State par = roomFsm.state(roomFsm.initial());
    Set<String> roomStart = java.util.stream.Stream.concat(java.util.stream.Stream.of(par.name()),
        par.branches().stream().map(b -> roomFsm.state(b).name())).collect(Collectors.toSet());

    try (ConsoleNode node = ConsoleNode.start("session-view");
        Browser watcher = Browser.start();
        LineClient ann = node.node().connect("ann");
        LineClient bob = node.node().connect("bob")) {
      ann.call("CREATE:deck", "OK:CREATE:deck");
      SessionsPage page = SessionsPage.open(watcher, node.url());

      page.select(ChatProtocol.CHAT_SERVER, ChatProtocol.CLIENT_THREAD, "ann@").awaitCurrent(Set.of(lobbyHead));
      ann.call("JOIN:deck", "OK:JOIN:deck");
      page.awaitCurrent(Set.of(inRoom)); // in the room: the lobby waits in its initiates state

      page.select(ChatProtocol.CHAT_SESSION, ChatProtocol.CLIENT_THREAD, "ann@").awaitCurrent(roomStart);
      bob.call("JOIN:deck", "OK:JOIN:deck");
      ann.send("CHAT:hello");
      bob.expect("MSG:deck:ann:hello");
      page.awaitTaken("!outgoingChatMessage");
      assertThat(page.lastStep()).isEqualTo("after sending outgoingChatMessage");
      bob.send("CHAT:hi ann");
      ann.expect("MSG:deck:bob:hi ann");
      page.awaitTaken("?incomingChatMessage");
      watcher.screenshot(Path.of("target", "screenshots", "console-sessions.png"));

      page.select(ChatProtocol.CHAT_SERVER, ChatProtocol.CLIENT_THREAD, "ann@").awaitCurrent(Set.of(inRoom));
      ann.call("LEAVE", "OK:LEAVE:deck");
      page.awaitCurrent(Set.of(lobbyHead)).awaitTaken("success"); // back in the lobby's loop
      assertThat(page.lastStep()).isEqualTo("after its sub-session ended: success");

      watcher.open(node.url() + "?watch=ChatSession/ChatRoom#sessions"); // bob is still in deck
      watcher.await(d -> {
        String key = watcher.find("#session-fsm").getAttribute("data-key");
        return key != null && key.endsWith("/" + ChatProtocol.CHAT_ROOM);
      });
    }
  }

  @Test
  void aMessageTheMonitorRefusesAppearsInTheLog() throws Exception {
    try (ConsoleNode node = ConsoleNode.start("refusal-view"); Browser watcher = Browser.start()) {
      SessionsPage page = SessionsPage.open(watcher, node.url());
      WrongClient wrong = new WrongClient();
      node.node().node().runtime().spawn(ChatProtocol.KIND_CLIENT, wrong).await(10, TimeUnit.SECONDS);
      ActorRef manager = new ActorRef(node.node().node().runtime().nodeId(), RoomManager.ACTOR_ID);
      Conversation lobby = wrong.on(() -> wrong.context.startSession(ChatProtocol.CHAT_SERVER,
          ChatProtocol.CLIENT_THREAD, Map.of(ChatProtocol.ROOM_REGISTRY, manager)));
      Throwable refused = catchThrowable(() -> wrong.on(() -> {
        lobby.send(ChatProtocol.ROOM_REGISTRY, ChatProtocol.CREATE_ROOM, "first");
        return lobby.send(ChatProtocol.ROOM_REGISTRY, ChatProtocol.CREATE_ROOM, "second"); // before the answer
      }));
      assertThat(refused).isInstanceOf(ProtocolViolationException.class);

      String entry = page.awaitLog("REFUSED", "createRoom");
      assertThat(entry).contains("ChatServer/ClientThread", "FORBIDDEN", "expected ?createRoomSuccess");
    }
  }

  /** A client actor that speaks the protocol itself, and out of turn when told to. */
  private static final class WrongClient implements SessionActor {
    final CompletableFuture<Context> started = new CompletableFuture<>();
    ActorContext context;

    @Override
    public void started(ActorContext context) {
      this.context = context;
      started.complete(Vertx.currentContext());
    }

    @Override
    public void received(Conversation conversation, SessionMessage message) {
      // the answers do not matter here
    }

    <T> T on(Supplier<Future<T>> action) throws Exception {
      CompletableFuture<T> result = new CompletableFuture<>();
      started.get(10, TimeUnit.SECONDS).runOnContext(ignored ->
          action.get().onSuccess(result::complete).onFailure(result::completeExceptionally));
      try {
        return result.get(10, TimeUnit.SECONDS);
      } catch (ExecutionException e) {
        throw (Exception) e.getCause();
      }
    }
  }
}
