package org.sessionchat.chat.net;

import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;
import org.sessionchat.chat.limits.FloodGate;

/**
 * Runs a task later on the context a connection was created on, whatever thread asks.
 *
 * <p>Why its own piece: flood control and the close grace period of every kind of connection
 * (TCP lines, IRC, the browser's WebSocket) need timers that fire on the socket's context;
 * Vert.x's public {@code setTimer} binds to the caller's context instead, so this is the one
 * place that uses the internal one.
 */
public final class ContextTimer implements FloodGate.Scheduler {

  private final ContextInternal context;

  /** A timer for the current context (create it on the socket's context). */
  public ContextTimer() {
    this.context = (ContextInternal) Vertx.currentContext();
  }

  @Override
  public void after(long delayMillis, Runnable task) {
    ContextInternal on = context != null ? context : (ContextInternal) Vertx.currentContext();
    on.setTimer(delayMillis, timer -> task.run());
  }
}
