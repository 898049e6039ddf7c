package org.sessionchat.chat.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.sessionchat.session.ActorRef;
import org.sessionchat.session.EndReason;

/** The live view's model and its frames, fed the events the session runtime reports. */
class NodeViewTest {

  private static final String NODE = "node-a";
  private static final ActorRef CLIENT = new ActorRef(NODE, "client-1");
  private static final ActorRef ROOM = new ActorRef("node-b", "room-9");

  private final AtomicLong clock = new AtomicLong(1_000_000);
  private final NodeView view = new NodeView(clock::get);
  private final List<NodeCard> cards = List.of(
      new NodeCard(NODE, "node-7001", 7001, 8001, List.of()),
      new NodeCard("node-b", "node-7002", 7002, 8002, List.of(new NodeCard.Room("deck", "room-9", 3))));
  private final PeerNames names = new PeerNames(cards, NODE, actorId -> actorId.equals("client-1") ? "ann" : null);

  private JsonObject frame(String selected) {
    return ViewSnapshot.of(view, cards, names, selected, clock.get());
  }

  private void startRoomSession(String sessionId) {
    view.started(new SessionEvents.Started(sessionId, "ChatSession", "ClientThread", CLIENT,
        Map.of("ChatRoom", ROOM), "S0[par: S1|S3]"));
  }

  @Test
  void showsEachSessionWithNamesCountsAndTheStateItMovedTo() {
    startRoomSession("s1");
    clock.addAndGet(5_000);
    view.moved(new SessionEvents.Moved("s1", "ClientThread", "S0[par: S1|S3]", "outgoingChatMessage", true));
    view.moved(new SessionEvents.Moved("s1", "ClientThread", "S0[par: S1|S3]", "incomingChatMessage", false));
    view.moved(new SessionEvents.Moved("s1", "ClientThread", "S0[par: S2|S3]", "leaveRoom", true));

    JsonObject frame = frame("s1/ClientThread");
    JsonObject session = frame.getJsonObject("sessions").getJsonArray("list").getJsonObject(0);
    assertThat(session.getString("actor")).isEqualTo("ann@node-7001");
    assertThat(session.getJsonArray("peers").getJsonObject(0).getMap())
        .containsEntry("role", "ChatRoom").containsEntry("who", "room deck@node-7002");
    assertThat(session.getLong("sent")).isEqualTo(2);
    assertThat(session.getLong("received")).isEqualTo(1);
    assertThat(session.getLong("ageSeconds")).isEqualTo(5);
    assertThat(frame.getJsonObject("sessions").getJsonObject("totals").getMap()).containsEntry("ChatSession/ClientThread", 1);
    JsonObject selected = frame.getJsonObject("selected");
    assertThat(selected.getMap()).containsEntry("state", "S0[par: S2|S3]").containsEntry("previousState", "S0[par: S1|S3]")
        .containsEntry("lastLabel", "leaveRoom").containsEntry("lastStep", "SENT");
    assertThat(frame.encode()).doesNotContain("hello"); // labels and names only, never a payload
  }

  @Test
  void anEndedSessionLeavesTheListButStaysSelectableAndParticipantOfflineIsLogged() {
    startRoomSession("s1");
    startRoomSession("s2");
    view.ended("s1", "ClientThread", EndReason.COMPLETED);
    view.ended("s2", "ClientThread", EndReason.PARTICIPANT_OFFLINE);
    view.nodeLeft("node-b");
    view.refused(new SessionEvents.Refused("s3", "ChatServer", "RoomRegistry", "S0", "roomPID",
        List.of("?lookupRoom(1) from ClientThread"), "FORBIDDEN"));

    JsonObject frame = frame("s2/ClientThread");
    assertThat(frame.getJsonObject("sessions").getInteger("running")).isZero();
    assertThat(frame.getJsonObject("sessions").getJsonArray("ended").stream()
        .map(s -> ((JsonObject) s).getString("ended"))).containsExactly("PARTICIPANT_OFFLINE", "COMPLETED");
    assertThat(frame.getJsonObject("selected").getString("ended")).isEqualTo("PARTICIPANT_OFFLINE");
    JsonArray log = view.log().since(0);
    assertThat(log.stream().map(e -> ((JsonObject) e).getString("kind")))
        .containsExactly("PARTICIPANT_OFFLINE", "NODE_LEFT", "REFUSED");
    assertThat(log.getJsonObject(2).getMap()).containsEntry("label", "roomPID").containsEntry("state", "S0")
        .containsEntry("reason", "FORBIDDEN");
    assertThat(view.log().since(2).size()).isEqualTo(1);
  }

  @Test
  void keepsTheLogAndTheEndedListBounded() {
    for (int i = 0; i < ViewLog.CAPACITY + 50; i++) {
      view.nodeLeft("n" + i);
      startRoomSession("s" + i);
      view.ended("s" + i, "ClientThread", EndReason.COMPLETED);
    }
    assertThat(view.log().since(0).size()).isEqualTo(ViewLog.CAPACITY);
    assertThat(view.recentlyEnded()).hasSize(NodeView.RECENTLY_ENDED);
    assertThat(view.running()).isEmpty();
  }

  @Test
  void listsTheNewestSessionsAndCountsAll() {
    for (int i = 0; i < ViewSnapshot.LISTED + 30; i++) {
      clock.incrementAndGet();
      startRoomSession("s" + i);
    }
    JsonObject sessions = frame(null).getJsonObject("sessions");
    assertThat(sessions.getInteger("running")).isEqualTo(ViewSnapshot.LISTED + 30);
    assertThat(sessions.getJsonArray("list").size()).isEqualTo(ViewSnapshot.LISTED);
    assertThat(sessions.getJsonArray("list").getJsonObject(0).getString("sessionId")).isEqualTo("s" + (ViewSnapshot.LISTED + 29));
  }
}
