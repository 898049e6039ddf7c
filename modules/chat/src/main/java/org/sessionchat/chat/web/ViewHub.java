package org.sessionchat.chat.web;

import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pages watching this node ({@code /ws/view}): every {@link #TICK_MILLIS} ms the hub
 * samples where the sessions' FSMs are ({@link RuntimeWatch#sample}) and then sends each page
 * its {@link ViewSnapshot}, only when it changed, with the log entries it has not seen. A
 * page selects a session by sending {@code {"select":"<key>"}}.
 *
 * <p>Why sampled on a timer rather than pushed per event: a busy node changes a million FSM
 * states a second; the pages see the latest state twice a second, and that is all the node
 * computes for them. With no page open the hub does nothing at all (no timer runs, no
 * observer is registered with the runtime).
 * At most {@link #MAX_VIEWERS} pages at once.
 */
final class ViewHub {

  static final long TICK_MILLIS = 500;
  static final int MAX_VIEWERS = 16;
  private static final int MEMBERS_EVERY_TICKS = 4;
  private static final int MAX_REQUEST_CHARS = 1024;

  private static final Logger log = LoggerFactory.getLogger(ViewHub.class);

  private final Vertx vertx;
  private final NodeView view;
  private final NodeDirectory directory;
  private final RuntimeWatch watch;
  private final String localNodeId;
  private final JsonObject nodeInfo;
  private final Function<String, String> nickOfLocalActor;
  private final List<Viewer> viewers = new CopyOnWriteArrayList<>();
  private volatile List<NodeCard> members = List.of();
  private long timer = -1;
  private long ticks;

  /**
   * @param nodeInfo         what every frame says about this node (name, id, monitor on or off)
   * @param nickOfLocalActor nickname of a client actor on this node by actor id, or null
   */
  ViewHub(Vertx vertx, NodeView view, RuntimeWatch watch, NodeDirectory directory, String localNodeId,
      JsonObject nodeInfo, Function<String, String> nickOfLocalActor) {
    this.watch = watch;
    this.nodeInfo = nodeInfo;
    this.vertx = vertx;
    this.view = view;
    this.directory = directory;
    this.localNodeId = localNodeId;
    this.nickOfLocalActor = nickOfLocalActor;
  }

  /** One watching page. */
  private static final class Viewer {
    final ServerWebSocket socket;
    volatile String selected;
    String lastFrame;
    long logSeq;

    Viewer(ServerWebSocket socket) {
      this.socket = socket;
    }
  }

  synchronized void accept(ServerWebSocket socket) {
    if (viewers.size() >= MAX_VIEWERS) {
      socket.close((short) 1013, "too many viewers");
      return;
    }
    Viewer viewer = new Viewer(socket);
    viewers.add(viewer);
    socket.textMessageHandler(text -> select(viewer, text));
    socket.closeHandler(closed -> left(viewer));
    socket.exceptionHandler(e -> log.debug("View socket failed: {}", e.getMessage()));
    if (timer < 0) {
      refreshMembers();
      timer = vertx.setPeriodic(TICK_MILLIS, tick -> tick());
    }
    watch.attach().onComplete(seeded -> send(viewer, frame(viewer)));
  }

  private void select(Viewer viewer, String text) {
    if (text.length() > MAX_REQUEST_CHARS) {
      return;
    }
    try {
      viewer.selected = new JsonObject(text).getString("select");
      send(viewer, frame(viewer)); // the selection is answered at once
    } catch (RuntimeException malformed) {
      log.debug("Ignored a malformed view request");
    }
  }

  private synchronized void left(Viewer viewer) {
    viewers.remove(viewer);
    if (viewers.isEmpty() && timer >= 0) {
      vertx.cancelTimer(timer);
      timer = -1;
      watch.detach();
    }
  }

  private void tick() {
    if (++ticks % MEMBERS_EVERY_TICKS == 0) {
      refreshMembers();
    }
    watch.sample().onComplete(sampled -> sendAll());
  }

  private void sendAll() {
    for (Viewer viewer : viewers) {
      if (viewer.socket.isClosed()) {
        left(viewer); // its close handler may not have run yet
      } else {
        send(viewer, frame(viewer));
      }
    }
  }

  private void refreshMembers() {
    directory.members().onSuccess(cards -> members = cards)
        .onFailure(e -> log.debug("Could not read the node directory: {}", e.getMessage()));
  }

  private JsonObject frame(Viewer viewer) {
    PeerNames names = new PeerNames(members, localNodeId, nickOfLocalActor);
    return ViewSnapshot.of(view, members, names, viewer.selected, System.currentTimeMillis())
        .put("node", nodeInfo);
  }

  private synchronized void send(Viewer viewer, JsonObject frame) {
    JsonArray entries = view.log().since(viewer.logSeq);
    String body = frame.encode();
    if (body.equals(viewer.lastFrame) && entries.isEmpty()) {
      return;
    }
    if (viewer.socket.writeQueueFull()) {
      return; // a page that does not keep up skips frames; the next one has the latest state
    }
    viewer.lastFrame = body;
    if (!entries.isEmpty()) {
      viewer.logSeq = entries.getJsonObject(entries.size() - 1).getLong("seq");
    }
    viewer.socket.writeTextMessage(frame.put("log", entries).encode());
  }

  /** Closes every view socket. */
  synchronized void close() {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
      timer = -1;
    }
    watch.detach();
    viewers.forEach(viewer -> viewer.socket.close());
    viewers.clear();
  }
}
