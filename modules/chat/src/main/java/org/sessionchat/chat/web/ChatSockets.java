package org.sessionchat.chat.web;

import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.sessionchat.chat.ChatServerNode;
import org.sessionchat.chat.limits.ConnectionGuard;
import org.sessionchat.chat.limits.ConnectionLimits;
import org.sessionchat.chat.limits.Disconnect;
import org.sessionchat.chat.limits.Limits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's chat sockets ({@code /ws/chat}): admits each under the node's connection
 * limits, hands it to a new client actor, closes idle ones, and says {@code BYE} to all of
 * them when the console closes.
 *
 * <p>Why a listener of its own and the node's limits: a browser is one more client; it gets
 * exactly what a TCP client gets, and a page cannot open more connections than a program.
 * The admission counts are the node's, shared with the line and IRC listeners.
 */
final class ChatSockets {

  private static final Logger log = LoggerFactory.getLogger(ChatSockets.class);

  private final Vertx vertx;
  private final ChatServerNode node;
  private final Limits limits;
  private final ConnectionLimits admission;
  private final Set<ChatSocket> open = new LinkedHashSet<>();
  private long idleTimer = -1;

  ChatSockets(Vertx vertx, ChatServerNode node) {
    this.vertx = vertx;
    this.node = node;
    this.limits = node.settings().limits();
    this.admission = node.connectionLimits();
  }

  /** Serves {@code socket} (on the HTTP server's context), or refuses it past the limits. */
  synchronized void accept(ServerWebSocket socket) {
    socket.pause();
    String address = socket.remoteAddress().hostAddress();
    Optional<Disconnect> refused = admission.admit(address);
    if (refused.isPresent()) {
      log.debug("Refused a chat socket from {}: {}", address, refused.get().why());
      socket.writeTextMessage(refused.get().errorLine()).onComplete(written -> socket.close());
      return;
    }
    ChatSocket chat = new ChatSocket(socket, node.settings().maxLineLength(),
        new ConnectionGuard(limits, node.limitCounters()));
    open.add(chat);
    chat.onClose(() -> closed(chat, address));
    if (idleTimer < 0 && !limits.idleTimeout().isZero()) {
      long period = Math.max(100, Math.min(10_000, limits.idleTimeout().toMillis() / 10));
      idleTimer = vertx.setPeriodic(period, timer -> closeIdle());
    }
    node.serveClient(chat);
  }

  private synchronized void closed(ChatSocket chat, String address) {
    open.remove(chat);
    admission.release(address);
  }

  private synchronized void closeIdle() {
    long now = System.nanoTime();
    for (ChatSocket chat : new ArrayList<>(open)) {
      chat.closeIfIdle(now);
    }
  }

  /** Chat sockets open right now. */
  synchronized int count() {
    return open.size();
  }

  /** {@code BYE} to every chat socket, and closed. */
  synchronized void close() {
    if (idleTimer >= 0) {
      vertx.cancelTimer(idleTimer);
    }
    for (ChatSocket chat : new ArrayList<>(open)) {
      chat.shutdown();
    }
  }
}
