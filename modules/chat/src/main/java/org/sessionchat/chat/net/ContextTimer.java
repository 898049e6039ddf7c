package org.sessionchat.chat.net;

import io.vertx.core.Vertx;
import io.vertx.core.Context;
import org.sessionchat.chat.limits.FloodGate;

/**
 * Runs a task later on the context a connection was created on, whatever thread asks.
 *
 * <p>Why its own piece: flood control and the close grace period of every kind of connection
 * (TCP lines, IRC, the browser's WebSocket) need timers that fire on the socket's context;
 * Vert.x's public {@code setTimer} binds to the caller's context instead (see
 * {@link VertxInternals#setTimer}).
 */
public final class ContextTimer implements FloodGate.Scheduler {

  private final Context context;

  /** A timer for the current context (create it on the socket's context). */
  public ContextTimer() {
    this.context = Vertx.currentContext();
  }

  @Override
  public void after(long delayMillis, Runnable task) {
    VertxInternals.setTimer(context != null ? context : Vertx.currentContext(), delayMillis, task);
  }
}
