package org.sessionchat.session.impl;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetSocket;
import io.vertx.core.spi.cluster.NodeInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An idle connection from this node to one peer's event-bus port, kept open to learn at once
 * when the peer's process is gone.
 *
 * <p>Why: when a process dies its kernel closes its sockets, so this connection closes at
 * once; a connect right after that is refused when nothing listens on the port any more.
 * Both together say "the process is gone" seconds before Hazelcast's member list does (only
 * Hazelcast's master removes a member, and on a busy cluster its new list is late). A hung
 * process (SIGSTOP, a long GC) or a partition closes nothing, so it is left to Hazelcast's
 * heartbeats. A refusal counts only after this link had been up: a peer whose port never
 * answered (still starting, a wrong address) is never declared gone here.
 *
 * <p>Nothing is sent on the connection; the peer's event bus reads frames from it and gets
 * none. Every method runs on the context of {@link PeerLiveness}.
 */
final class PeerLink {

  private static final Logger LOG = LoggerFactory.getLogger(PeerLink.class);
  private static final long LOCATE_RETRY_MS = 500;
  private static final long FIRST_RETRY_MS = 200;
  private static final long MAX_RETRY_MS = 5_000;

  /** Where a node's event bus listens: its announced {@link NodeInfo}, null while it has none. */
  interface Locator {
    Future<NodeInfo> locate(String nodeId);
  }

  /** Called once when the peer is found gone: its node id and the address that refused. */
  interface GoneListener {
    void gone(String nodeId, String address);
  }

  /** Where the link stands. */
  private sealed interface State {
  }

  /** Waiting for the peer to announce its event-bus address. */
  private record Locating() implements State {
  }

  /**
   * A connect to {@code address} is in flight or waits for its retry.
   *
   * @param wasUp    the link had been up and then closed: a refusal now means the peer is gone
   * @param failures failed attempts since the last time the link was up
   */
  private record Connecting(String address, boolean wasUp, int failures) implements State {
  }

  /** Connected: the peer's process holds the other end. */
  private record Up(String address, NetSocket socket) implements State {
  }

  /** Found gone (reported) or stopped: nothing more to do. */
  private record Done() implements State {
  }

  private final Vertx vertx;
  private final Locator locator;
  private final NetClient client;
  private final String nodeId;
  private final GoneListener listener;
  private State state = new Locating();

  PeerLink(Vertx vertx, Locator locator, NetClient client, String nodeId, GoneListener listener) {
    this.vertx = vertx;
    this.locator = locator;
    this.client = client;
    this.nodeId = nodeId;
    this.listener = listener;
  }

  void start() {
    locate();
  }

  /** The peer left the member list or this node stops: close and forget. */
  void stop() {
    State was = state;
    state = new Done();
    if (was instanceof Up up) {
      up.socket().close();
    }
  }

  /** True while the link is connected (for tests). */
  boolean isUp() {
    return state instanceof Up;
  }

  private void locate() {
    if (!(state instanceof Locating)) {
      return;
    }
    locator.locate(nodeId).onComplete(found -> {
      if (!(state instanceof Locating)) {
        return;
      }
      NodeInfo info = found.succeeded() ? found.result() : null;
      if (info == null) {
        // a joining member announces its event-bus address once its event bus listens
        vertx.setTimer(LOCATE_RETRY_MS, t -> locate());
        return;
      }
      connect(new Connecting(info.host() + ":" + info.port(), false, 0));
    });
  }

  private void connect(Connecting attempt) {
    state = attempt;
    int colon = attempt.address().lastIndexOf(':');
    Future<NetSocket> connected;
    try {
      connected = client.connect(Integer.parseInt(attempt.address().substring(colon + 1)),
          attempt.address().substring(0, colon));
    } catch (RuntimeException e) { // the client was closed: this node stops
      state = new Done();
      return;
    }
    connected.onComplete(result -> {
      if (state != attempt) {
        if (result.succeeded()) {
          result.result().close(); // stopped meanwhile
        }
        return;
      }
      if (result.succeeded()) {
        up(attempt.address(), result.result());
      } else {
        failed(attempt, result.cause());
      }
    });
  }

  private void up(String address, NetSocket socket) {
    Up up = new Up(address, socket);
    state = up;
    socket.handler(ignored -> {
    });
    socket.exceptionHandler(e -> LOG.debug("link to node {} at {}: {}", nodeId, address, e.toString()));
    socket.closeHandler(v -> {
      if (state == up) {
        LOG.debug("link to node {} at {} closed; connecting again", nodeId, address);
        connect(new Connecting(address, true, 0));
      }
    });
    LOG.debug("link to node {} at {} is up", nodeId, address);
  }

  private void failed(Connecting attempt, Throwable cause) {
    if (attempt.wasUp() && ConnectFailure.of(cause) == ConnectFailure.REFUSED) {
      state = new Done();
      listener.gone(nodeId, attempt.address());
      return;
    }
    int failures = attempt.failures() + 1;
    long delay = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS << Math.min(failures - 1, 10));
    LOG.debug("link to node {} at {} failed ({}); again in {} ms", nodeId, attempt.address(), cause.toString(), delay);
    Connecting next = new Connecting(attempt.address(), attempt.wasUp(), failures);
    state = next;
    vertx.setTimer(delay, t -> {
      if (state == next) {
        connect(next);
      }
    });
  }
}
