package org.sessionchat.chat.web;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One frame of the live view as JSON: the node and its cluster, the sessions here (the
 * newest {@link #LISTED} of them, with totals per protocol and role), and the selected
 * session in detail.
 *
 * <p>Why a cap: a busy node runs tens of thousands of sessions; a page lists a few hundred
 * and counts the rest.
 */
final class ViewSnapshot {

  /** Running sessions listed by name; the rest are only counted. */
  static final int LISTED = 200;

  private ViewSnapshot() {
  }

  static JsonObject of(NodeView view, List<NodeCard> members, PeerNames names, String selectedKey, long nowMillis) {
    List<LiveSession> running = view.running();
    Map<String, Integer> totals = new TreeMap<>();
    for (LiveSession session : running) {
      totals.merge(session.protocol + "/" + session.role, 1, Integer::sum);
    }
    running.sort(Comparator.comparingLong((LiveSession s) -> s.startedMillis).reversed()
        .thenComparing((LiveSession s) -> s.key()));
    JsonArray listed = new JsonArray();
    running.stream().limit(LISTED).forEach(session -> listed.add(summary(session, names, nowMillis)));
    JsonArray ended = new JsonArray();
    view.recentlyEnded().forEach(session -> ended.add(summary(session, names, nowMillis)));
    JsonObject totalsJson = new JsonObject();
    totals.forEach(totalsJson::put);
    JsonArray cards = new JsonArray();
    members.forEach(card -> cards.add(card.toJson()));
    LiveSession selected = selectedKey == null ? null : view.session(selectedKey);
    return new JsonObject()
        .put("members", cards)
        .put("sessions", new JsonObject().put("running", running.size()).put("totals", totalsJson)
            .put("list", listed).put("ended", ended))
        .put("selected", selected == null ? null : detail(selected, names, nowMillis));
  }

  private static JsonObject summary(LiveSession session, PeerNames names, long nowMillis) {
    JsonArray peers = new JsonArray();
    new TreeMap<>(session.peers).forEach((role, ref) ->
        peers.add(new JsonObject().put("role", role).put("who", names.actor(ref))));
    long until = session.ended() == null ? nowMillis : session.endedMillis();
    return new JsonObject()
        .put("key", session.key())
        .put("sessionId", session.sessionId)
        .put("protocol", session.protocol)
        .put("role", session.role)
        .put("actor", names.actor(session.actor))
        .put("peers", peers)
        .put("ageSeconds", Math.max(0, (until - session.startedMillis) / 1000))
        .put("sent", session.sent())
        .put("received", session.received())
        .put("state", session.state())
        .put("ended", session.ended() == null ? null : session.ended().name());
  }

  private static JsonObject detail(LiveSession session, PeerNames names, long nowMillis) {
    return summary(session, names, nowMillis)
        .put("previousState", session.previousState())
        .put("lastLabel", session.lastLabel())
        .put("lastStep", session.lastStep() == null ? null : session.lastStep().name());
  }
}
