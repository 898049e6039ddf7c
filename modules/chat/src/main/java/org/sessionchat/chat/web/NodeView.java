package org.sessionchat.chat.web;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.sessionchat.session.EndReason;

/**
 * Everything the web console shows about this node's sessions, kept up to date by
 * {@link SessionEvents}: the sessions running here with their FSM states and message
 * counts, the last few that ended, and a log of refusals, ParticipantOffline ends and
 * departed nodes.
 *
 * <p>It is fed only while a page watches ({@link RuntimeWatch}): then the cost per monitored
 * message is one map lookup and a few field writes, no lock; the pages read it at a
 * throttled rate ({@link ViewHub}). The log and the recently ended sessions outlive a
 * watch, the running sessions are read afresh from the runtime when the next one starts.
 */
public final class NodeView implements SessionEvents {

  /** Ended sessions kept for the list (their FSM shows where they stopped). */
  static final int RECENTLY_ENDED = 50;

  private static final LiveSession[] NONE = new LiveSession[0];

  /** Session id to this node's participants in it (one per role played here, usually one). */
  private final ConcurrentHashMap<String, LiveSession[]> live = new ConcurrentHashMap<>();
  private final Deque<LiveSession> recentlyEnded = new ArrayDeque<>();
  private final ViewLog log = new ViewLog();
  private final LongSupplier clock;

  public NodeView() {
    this(System::currentTimeMillis);
  }

  /** A view on {@code clock} (milliseconds), for tests. */
  NodeView(LongSupplier clock) {
    this.clock = clock;
  }

  @Override
  public void started(Started started) {
    LiveSession session = new LiveSession(started, clock.getAsLong());
    live.compute(started.sessionId(), (id, roles) -> {
      LiveSession[] base = roles == null ? NONE : without(roles, started.role());
      LiveSession[] grown = Arrays.copyOf(base, base.length + 1);
      grown[base.length] = session;
      return grown;
    });
  }

  /**
   * A session found running when the view started watching: added unless an event added it
   * already (the event is newer).
   */
  void seed(Started started, long startedMillis, long sent, long received) {
    LiveSession session = new LiveSession(started, startedMillis, sent, received);
    live.compute(started.sessionId(), (id, roles) -> {
      if (roles == null) {
        return new LiveSession[] {session};
      }
      if (find(roles, started.role()) != null) {
        return roles;
      }
      LiveSession[] grown = Arrays.copyOf(roles, roles.length + 1);
      grown[roles.length] = session;
      return grown;
    });
  }

  /** Forgets the running sessions (nobody watches; the next watcher seeds them afresh). */
  void forgetRunning() {
    live.clear();
  }

  @Override
  public void moved(Moved moved) {
    LiveSession session = find(live.get(moved.sessionId()), moved.role());
    if (session != null) {
      session.moved(moved);
    }
  }

  @Override
  public void resumed(String sessionId, String role, String outcome, String state) {
    LiveSession session = find(live.get(sessionId), role);
    if (session != null) {
      session.resumed(outcome, state);
    }
  }

  @Override
  public void refused(Refused refused) {
    log.add(ViewLog.Kind.REFUSED, clock.getAsLong(), new JsonObject()
        .put("sessionId", refused.sessionId()).put("protocol", refused.protocol()).put("role", refused.role())
        .put("state", refused.state()).put("label", refused.label()).put("reason", refused.reason())
        .put("expected", new JsonArray(new ArrayList<>(refused.expected()))));
  }

  @Override
  public void ended(String sessionId, String role, EndReason reason) {
    LiveSession[] removed = new LiveSession[1];
    live.computeIfPresent(sessionId, (id, roles) -> {
      removed[0] = find(roles, role);
      LiveSession[] rest = without(roles, role);
      return rest.length == 0 ? null : rest;
    });
    LiveSession session = removed[0];
    long now = clock.getAsLong();
    if (session != null) {
      session.ended(reason, now);
      synchronized (recentlyEnded) {
        recentlyEnded.addFirst(session);
        if (recentlyEnded.size() > RECENTLY_ENDED) {
          recentlyEnded.removeLast();
        }
      }
    }
    if (reason == EndReason.PARTICIPANT_OFFLINE) {
      JsonObject details = new JsonObject().put("sessionId", sessionId).put("role", role);
      if (session != null) {
        details.put("protocol", session.protocol).put("state", session.state());
      }
      log.add(ViewLog.Kind.PARTICIPANT_OFFLINE, now, details);
    }
  }

  @Override
  public void nodeLeft(String nodeId) {
    log.add(ViewLog.Kind.NODE_LEFT, clock.getAsLong(), new JsonObject().put("nodeId", nodeId));
  }

  /** The sessions running here, in no particular order. */
  List<LiveSession> running() {
    List<LiveSession> out = new ArrayList<>();
    for (LiveSession[] roles : live.values()) {
      out.addAll(Arrays.asList(roles));
    }
    return out;
  }

  /** The last sessions that ended, newest first. */
  List<LiveSession> recentlyEnded() {
    synchronized (recentlyEnded) {
      return new ArrayList<>(recentlyEnded);
    }
  }

  /** A running or recently ended session by {@link LiveSession#key()}, or null. */
  LiveSession session(String key) {
    int slash = key.lastIndexOf('/');
    if (slash < 0) {
      return null;
    }
    LiveSession running = find(live.get(key.substring(0, slash)), key.substring(slash + 1));
    if (running != null) {
      return running;
    }
    for (LiveSession ended : recentlyEnded()) {
      if (ended.key().equals(key)) {
        return ended;
      }
    }
    return null;
  }

  ViewLog log() {
    return log;
  }

  private static LiveSession find(LiveSession[] roles, String role) {
    if (roles != null) {
      for (LiveSession session : roles) {
        if (session.role.equals(role)) {
          return session;
        }
      }
    }
    return null;
  }

  private static LiveSession[] without(LiveSession[] roles, String role) {
    return Arrays.stream(roles).filter(session -> !session.role.equals(role)).toArray(LiveSession[]::new);
  }
}
