package org.sessionchat.chat.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.sessionchat.chat.actor.ChatProtocol;
import org.sessionchat.chat.testing.ConsoleNode;
import org.sessionchat.chat.testing.LineClient;

/**
 * The live view over its WebSocket, no browser: a page watching from before the first line
 * sees the message counts, the state and the last step of a session after many messages,
 * though the view gets no event per message (it samples the FSMs on its timer).
 */
class LiveViewSamplingTest {

  private static final int LINES = 30;

  /** The latest frame a view socket received. */
  private static final class Frames implements WebSocket.Listener {
    final AtomicReference<JsonObject> latest = new AtomicReference<>();
    private final StringBuilder partial = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        latest.set(new JsonObject(partial.toString()));
        partial.setLength(0);
      }
      socket.request(1);
      return null;
    }

    /** The listed session of {@code protocol}/{@code role} played by an actor named {@code actor...}, or null. */
    JsonObject session(String protocol, String role, String actor) {
      JsonObject frame = latest.get();
      if (frame == null) {
        return null;
      }
      return frame.getJsonObject("sessions").getJsonArray("list").stream().map(JsonObject.class::cast)
          .filter(s -> s.getString("protocol").equals(protocol) && s.getString("role").equals(role)
              && s.getString("actor").startsWith(actor))
          .findFirst().orElse(null);
    }
  }

  @Test
  void aWatchingPageSeesCountsStateAndLastStepAfterManyMessages() throws Exception {
    try (ConsoleNode node = ConsoleNode.start("view-sampling");
        LineClient ann = node.node().connect("ann");
        LineClient bob = node.node().connect("bob")) {
      ann.call("CREATE:deck", "OK:CREATE:deck");
      ann.call("JOIN:deck", "OK:JOIN:deck");
      bob.call("JOIN:deck", "OK:JOIN:deck");
      Frames frames = new Frames();
      WebSocket view = HttpClient.newHttpClient().newWebSocketBuilder()
          .header("Origin", "http://127.0.0.1:" + node.httpPort())
          .buildAsync(URI.create("ws://127.0.0.1:" + node.httpPort() + "/ws/view"), frames)
          .orTimeout(10, TimeUnit.SECONDS).join();
      try {
        await().atMost(Duration.ofSeconds(20))
            .until(() -> frames.session(ChatProtocol.CHAT_SESSION, ChatProtocol.CLIENT_THREAD, "ann@") != null);
        String key = frames.session(ChatProtocol.CHAT_SESSION, ChatProtocol.CLIENT_THREAD, "ann@").getString("key");
        String stateBefore = frames.session(ChatProtocol.CHAT_SESSION, ChatProtocol.CLIENT_THREAD, "ann@")
            .getString("state");
        view.sendText(new JsonObject().put("select", key).encode(), true).join();

        for (int i = 1; i <= LINES; i++) {
          ann.send("CHAT:line " + i);
          bob.expect("MSG:deck:ann:line " + i);
        }

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
          JsonObject selected = frames.latest.get().getJsonObject("selected");
          assertThat(selected).isNotNull();
          assertThat(selected.getString("key")).isEqualTo(key);
          assertThat(selected.getLong("sent")).isEqualTo(LINES);
          assertThat(selected.getString("lastStep")).isEqualTo("SENT");
          assertThat(selected.getString("lastLabel")).isEqualTo("outgoingChatMessage");
          assertThat(selected.getString("state")).isEqualTo(stateBefore); // the loop brings it back
        });
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
          JsonObject room = frames.session(ChatProtocol.CHAT_SESSION, ChatProtocol.CHAT_ROOM, "room deck");
          assertThat(room).isNotNull();
          assertThat(room.getLong("sent") + room.getLong("received")).isGreaterThanOrEqualTo((long) LINES);
        });
      } finally {
        view.abort();
      }
    }
  }
}
