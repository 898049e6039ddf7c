package org.sessionchat.session.bench;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.sessionchat.session.ActorRef;
import org.sessionchat.session.Conversation;
import org.sessionchat.session.Placement;
import org.sessionchat.session.SessionActor;
import org.sessionchat.session.SessionMessage;
import org.sessionchat.session.SessionRuntime;
import org.sessionchat.session.testkit.TestProtocols;

/** The passive side of the benchmark: Pongers and fan-out subscribers. */
final class BenchPeers {

  /** The Ponger's id in the peer JVM of a cluster run. */
  static final String PONGER = "ponger";

  private BenchPeers() {
  }

  static String subscriberId(int i) {
    return "sub-" + i;
  }

  /** The peer JVM's actors, under well-known ids, on Vert.x's turn of event loops. */
  static Future<Void> spawnWellKnown(SessionRuntime runtime, int subscribers) {
    List<Future<ActorRef>> spawned = new ArrayList<>();
    spawned.add(runtime.spawn(TestProtocols.PROBE, PONGER, new Ponger()));
    for (int i = 0; i < subscribers; i++) {
      spawned.add(runtime.spawn(TestProtocols.PROBE, subscriberId(i), new Subscriber()));
    }
    return Future.all(spawned).mapEmpty();
  }

  static List<ActorRef> wellKnownSubscribers(String nodeId, int count) {
    List<ActorRef> refs = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      refs.add(new ActorRef(nodeId, subscriberId(i)));
    }
    return refs;
  }

  /** A Ponger on the event loop {@code placement} names. */
  static Future<ActorRef> spawnPonger(SessionRuntime runtime, Placement placement) {
    return runtime.spawn(TestProtocols.PROBE, new Ponger(), placement);
  }

  /** {@code count} subscribers, subscriber {@code i} on {@code placement.apply(i)}. */
  static Future<List<ActorRef>> spawnSubscribers(SessionRuntime runtime, int count, IntFunction<Placement> placement) {
    List<Future<ActorRef>> spawned = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      spawned.add(runtime.spawn(TestProtocols.PROBE, new Subscriber(), placement.apply(i)));
    }
    return Future.all(spawned).map(all -> all.list());
  }

  private static final class Ponger implements SessionActor {
    @Override
    public void received(Conversation session, SessionMessage message) {
      if (message.label().equals("ping")) {
        session.send("Pinger", "pong", message.payload().get(0));
      }
    }
  }

  /** Answers every {@link FanOutDriver#CHUNK}-th line of each of its sessions. */
  private static final class Subscriber implements SessionActor {
    private final Map<String, int[]> counts = new HashMap<>();

    @Override
    public void received(Conversation session, SessionMessage message) {
      int[] count = counts.computeIfAbsent(session.sessionId(), id -> new int[1]);
      if (++count[0] == FanOutDriver.CHUNK) {
        count[0] = 0;
        session.send("ChatRoom", "outgoingChatMessage", "next");
      }
    }
  }
}
