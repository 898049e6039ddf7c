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
import org.sessionchat.session.SessionSnapshot.Step;

/** The live view's model and its frames, fed the events the session runtime reports and samples of its FSMs. */
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

  private static SessionEvents.Sampled at(String sessionId, String state, long sent, long received, Step step,
      String label) {
    return new SessionEvents.Sampled(sessionId, "ClientThread", state, sent, received, step, label);
  }

  private void sample(SessionEvents.Sampled... sessions) {
    view.sampled(view.sampling(), List.of(sessions));
  }

  @Test
  void showsEachSessionWithNamesCountsAndTheStateItWasSampledIn() {
    startRoomSession("s1");
    clock.addAndGet(5_000);
    sample(at("s1", "S0[par: S1|S3]", 1, 1, Step.RECEIVED, "incomingChatMessage"));
    sample(at("s1", "S0[par: S2|S3]", 2, 1, Step.SENT, "leaveRoom")); // one step since: the one before is known

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
  void aStateManyStepsOnHasNoKnownPreviousStateAndAQuietSampleKeepsTheLastStep() {
    startRoomSession("s1");
    sample(at("s1", "S0[par: S1|S3]", 40, 900, Step.RECEIVED, "incomingChatMessage"));
    sample(at("s1", "S0[par: S1|S3]", 40, 900, Step.RECEIVED, "incomingChatMessage"));

    JsonObject selected = frame("s1/ClientThread").getJsonObject("selected");
    assertThat(selected.getMap()).containsEntry("state", "S0[par: S1|S3]").containsEntry("previousState", null)
        .containsEntry("lastLabel", "incomingChatMessage").containsEntry("lastStep", "RECEIVED")
        .containsEntry("sent", 40L).containsEntry("received", 900L);
  }

  @Test
  void aResumeWithNoMessageKnowsTheStateItLeft() {
    view.started(new SessionEvents.Started("lobby", "ChatServer", "ClientThread", CLIENT, Map.of(), "S0"));
    sample(at("lobby", "S4", 3, 3, Step.RECEIVED, "roomPID")); // in the room: waiting in its initiates state
    sample(at("lobby", "S0", 3, 3, Step.RESUMED, "success"));

    assertThat(frame("lobby/ClientThread").getJsonObject("selected").getMap()).containsEntry("state", "S0")
        .containsEntry("previousState", "S4").containsEntry("lastStep", "RESUMED");
  }

  @Test
  void theFirstSampleAdoptsRunningSessionsAndLaterOnesForgetThoseThatEndedUnseen() {
    long first = view.sampling();
    view.adopt(new SessionEvents.Started("old", "ChatSession", "ClientThread", CLIENT, Map.of("ChatRoom", ROOM),
        "S0[par: S1|S3]"), 900_000, first);
    view.adopt(new SessionEvents.Started("gone", "ChatSession", "ClientThread", CLIENT, Map.of("ChatRoom", ROOM),
        "S0[par: S1|S3]"), 900_000, first);
    view.sampled(first, List.of(at("old", "S0[par: S1|S3]", 7, 2, Step.SENT, "outgoingChatMessage"),
        at("gone", "S0[par: S1|S3]", 0, 0, null, null)));
    long second = view.sampling();
    startRoomSession("new"); // started while the second sample was out: it cannot be in it
    view.sampled(second, List.of(at("old", "S0[par: S1|S3]", 8, 2, Step.SENT, "outgoingChatMessage")));

    assertThat(view.running()).extracting(session -> session.sessionId).containsExactlyInAnyOrder("old", "new");
    assertThat(view.session("old/ClientThread").sent()).isEqualTo(8);
    assertThat(view.session("old/ClientThread").startedMillis).isEqualTo(900_000);
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
