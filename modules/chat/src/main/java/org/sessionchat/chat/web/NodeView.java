package org.sessionchat.chat.web;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.sessionchat.session.EndReason;

/**
 * Everything the web console shows about this node's sessions: the sessions running here
 * with their FSM states and message counts, the last few that ended, and a log of refusals,
 * ParticipantOffline ends and departed nodes.
 *
 * <p>It is fed only while a page watches ({@link RuntimeWatch}): sessions starting and
 * ending, refusals and departed nodes as they happen ({@link SessionEvents}), the FSM states
 * and counts by a sample of all sessions at the pages' throttled rate ({@link #sampling},
 * {@link #sampled}). Nothing runs per monitored message: a busy node pays for its view per
 * session and tick, not per delivery. The log and the recently ended sessions outlive a
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
  private final AtomicLong samples = new AtomicLong();

  public NodeView() {
    this(System::currentTimeMillis);
  }

  /** A view on {@code clock} (milliseconds), for tests. */
  NodeView(LongSupplier clock) {
    this.clock = clock;
  }

  @Override
  public void started(Started started) {
    LiveSession session = new LiveSession(started, clock.getAsLong(), samples.get());
    live.compute(started.sessionId(), (id, roles) -> {
      LiveSession[] base = roles == null ? NONE : without(roles, started.role());
      LiveSession[] grown = Arrays.copyOf(base, base.length + 1);
      grown[base.length] = session;
      return grown;
    });
  }

  /**
   * Starts a sample: this node's actors are about to be asked where their FSMs are, each on
   * its own context. Sessions the view knows now and the sample does not return have ended.
   *
   * @return the sample's number, for {@link #adopt} and {@link #sampled}
   */
  long sampling() {
    return samples.incrementAndGet();
  }

  /**
   * A session that sample {@code sample} found running, added unless an event added it
   * already (the event is newer). Only the first sample of a watch adopts: a session missing
   * from the view later ended after the sample read it.
   */
  void adopt(Started started, long startedMillis, long sample) {
    LiveSession session = new LiveSession(started, startedMillis, sample - 1);
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

  /**
   * The answer to sample {@code sample}: every session running on this node, read on its
   * actor's context. Updates the sessions the view knows, and forgets those the sample
   * missed though the view knew them before it began (they ended unseen, e.g. between the
   * first sample's read and its answer).
   */
  void sampled(long sample, List<Sampled> sessions) {
    for (Sampled now : sessions) {
      LiveSession session = find(live.get(now.sessionId()), now.role());
      if (session != null) {
        session.sampled(now, sample);
      }
    }
    for (LiveSession session : running()) {
      if (session.knownSince < sample && session.lastSample() != sample) {
        live.computeIfPresent(session.sessionId, (id, roles) -> {
          LiveSession[] rest = find(roles, session.role) == session ? without(roles, session.role) : roles;
          return rest.length == 0 ? null : rest;
        });
      }
    }
  }

  /** Forgets the running sessions (nobody watches; the next watcher seeds them afresh). */
  void forgetRunning() {
    live.clear();
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
