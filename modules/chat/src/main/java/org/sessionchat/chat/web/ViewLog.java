package org.sessionchat.chat.web;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The console's log of what went wrong on this node: monitor refusals, sessions ended by
 * ParticipantOffline, nodes that left. Keeps the last {@link #CAPACITY} entries, each with a
 * sequence number so that a page asks only for what it has not seen.
 *
 * <p>Why bounded: a misbehaving peer can cause refusals at any rate; the log must not grow
 * with it. What fell off is still counted in {@code /metrics}.
 */
final class ViewLog {

  /** Entries kept. */
  static final int CAPACITY = 200;

  /** What an entry reports. */
  enum Kind { REFUSED, PARTICIPANT_OFFLINE, NODE_LEFT }

  private final Deque<JsonObject> entries = new ArrayDeque<>();
  private long lastSeq;

  synchronized void add(Kind kind, long nowMillis, JsonObject details) {
    lastSeq++;
    entries.addLast(details.copy().put("seq", lastSeq).put("kind", kind.name()).put("time", nowMillis));
    if (entries.size() > CAPACITY) {
      entries.removeFirst();
    }
  }

  /** The entries after {@code seq}, oldest first. */
  synchronized JsonArray since(long seq) {
    JsonArray out = new JsonArray();
    for (JsonObject entry : entries) {
      if (entry.getLong("seq") > seq) {
        out.add(entry);
      }
    }
    return out;
  }
}
