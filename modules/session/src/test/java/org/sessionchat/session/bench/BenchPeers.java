package org.sessionchat.session.bench;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sessionchat.session.ActorRef;
import org.sessionchat.session.Conversation;
import org.sessionchat.session.SessionActor;
import org.sessionchat.session.SessionMessage;
import org.sessionchat.session.Placement;
import org.sessionchat.session.SessionRuntime;
import org.sessionchat.session.testkit.TestProtocols;

/** The passive side of the benchmark: a Ponger and the fan-out subscribers, under well-known ids. */
final class BenchPeers {

  static final String PONGER = "ponger";

  private BenchPeers() {
  }

  static String subscriberId(int i) {
    return "sub-" + i;
  }

  /** Spawns the Ponger and {@code subscribers} subscribers that each expect {@code broadcasts} messages. */
  static Future<Void> spawn(SessionRuntime runtime, int subscribers, int broadcasts) {
    List<Future<ActorRef>> spawned = new ArrayList<>();
    spawned.add(runtime.spawn(TestProtocols.PROBE, PONGER, new Ponger()));
    for (int i = 0; i < subscribers; i++) {
      spawned.add(runtime.spawn(TestProtocols.PROBE, subscriberId(i), new Subscriber(broadcasts)));
    }
    return Future.all(spawned).mapEmpty();
  }

  static List<ActorRef> subscribers(String nodeId, int count) {
    List<ActorRef> refs = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      refs.add(new ActorRef(nodeId, subscriberId(i)));
    }
    return refs;
  }

  /** A Ponger under a generated id, on the event loop {@code placement} names. */
  static Future<ActorRef> spawnPonger(SessionRuntime runtime, Placement placement) {
    return runtime.spawn(TestProtocols.PROBE, new Ponger(), placement);
  }

  private static final class Ponger implements SessionActor {
    @Override
    public void received(Conversation session, SessionMessage message) {
      if (message.label().equals("ping")) {
        session.send("Pinger", "pong", message.payload().get(0));
      }
    }
  }

  private static final class Subscriber implements SessionActor {
    private final int broadcasts;
    private final Map<String, Integer> counts = new HashMap<>();

    Subscriber(int broadcasts) {
      this.broadcasts = broadcasts;
    }

    @Override
    public void received(Conversation session, SessionMessage message) {
      int count = counts.merge(session.sessionId(), 1, Integer::sum);
      if (count == broadcasts) {
        counts.remove(session.sessionId());
        session.send("ChatRoom", "outgoingChatMessage", "done");
      }
    }
  }
}
