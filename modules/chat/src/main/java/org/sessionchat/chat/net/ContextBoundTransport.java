package org.sessionchat.chat.net;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.sessionchat.chat.actor.ClientEvent;
import org.sessionchat.chat.actor.ClientTransport;
import org.sessionchat.chat.wire.Command;

/**
 * Carries a client actor's calls to a transport that must be used on its socket's context,
 * and the transport's callbacks back to the actor's context.
 *
 * <p>Why it exists: every actor is a verticle with a context of its own, while a socket's
 * handlers run on the context of the server that accepted it. Writing to the socket from
 * the actor's thread would race with the socket's own handlers and fill its write queue
 * ahead of the event loop. Here the actor's events and requests go, in order, into one
 * queue that a single task drains on the socket's context — one task (the context's
 * {@link SocketLoop}) drains every client of that context that has lines waiting, and a
 * connection writes the lines of a turn in one go — and each command read from the socket is
 * handed to the actor's context. When both contexts share an event-loop thread, calls go
 * straight through.
 *
 * <p>Construct on the socket's context; call the {@link ClientTransport} methods from the
 * actor's context (as {@code ClientActor} does).
 */
public final class ContextBoundTransport implements ClientTransport {

  /** Transport requests that travel in the same queue as events, so that they keep their order. */
  private enum Control { PAUSE, RESUME }

  /** Runs on the socket's context once everything queued before it was applied. */
  private record Barrier(Runnable action) {
  }

  private final ClientTransport socketSide;
  private final Context socketContext;
  private final Thread socketThread;
  private final SocketLoop socketLoop;
  private final Queue<Object> outbox = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean drainScheduled = new AtomicBoolean();
  private volatile Context actorContext;
  private volatile Thread actorThread;

  /** Wraps {@code socketSide}, a transport confined to the current (socket's) context. */
  public ContextBoundTransport(ClientTransport socketSide) {
    this.socketSide = socketSide;
    this.socketContext = Objects.requireNonNull(Vertx.currentContext(), "must be created on the socket's context");
    this.socketThread = Thread.currentThread();
    this.socketLoop = SocketLoop.of(socketContext);
    if (socketSide instanceof OrderedDisconnect ordered) {
      ordered.disconnectAfter(this::afterPendingReplies);
    }
  }

  /**
   * Runs {@code action} on the socket's context after the actor has taken every command
   * handed to it so far and the events it answered with were written.
   */
  private void afterPendingReplies(Runnable action) {
    onActor(() -> submit(new Barrier(action)));
  }

  @Override
  public void start(Consumer<Command> commands) {
    actorContext = Vertx.currentContext();
    actorThread = Thread.currentThread();
    onSocket(() -> socketSide.start(command -> onActor(() -> commands.accept(command))));
  }

  @Override
  public void deliver(ClientEvent event) {
    submit(event);
  }

  @Override
  public void pause() {
    submit(Control.PAUSE);
  }

  @Override
  public void resume() {
    submit(Control.RESUME);
  }

  @Override
  public void close(CloseReason reason) {
    submit(reason);
  }

  @Override
  public void onClose(Runnable handler) {
    onSocket(() -> socketSide.onClose(() -> onActor(handler)));
  }

  @Override
  public String remoteAddress() {
    return socketSide.remoteAddress();
  }

  private void submit(Object item) {
    if (Thread.currentThread() == socketThread && outbox.isEmpty()) {
      apply(item);
      return;
    }
    outbox.add(item);
    if (drainScheduled.compareAndSet(false, true)) {
      socketLoop.schedule(this); // one task on the socket's context for every transport with work
    }
  }

  /** Its {@link SocketLoop} took it up: from now on, a new event schedules it again. */
  void taken() {
    drainScheduled.set(false);
  }

  /**
   * Applies the oldest waiting event or request, if there is one (on the socket's context, run by
   * its {@link SocketLoop}); false if none was waiting. The connection writes what a turn gave
   * it in one go at the turn's end.
   */
  boolean applyNext() {
    Object item = outbox.poll();
    if (item == null) {
      return false;
    }
    apply(item);
    return true;
  }

  private void apply(Object item) {
    if (item instanceof ClientEvent event) {
      socketSide.deliver(event);
    } else if (item == Control.PAUSE) {
      socketSide.pause();
    } else if (item == Control.RESUME) {
      socketSide.resume();
    } else if (item instanceof CloseReason reason) {
      socketSide.close(reason);
    } else if (item instanceof Barrier barrier) {
      barrier.action().run();
    }
  }

  private void onSocket(Runnable action) {
    if (Thread.currentThread() == socketThread) {
      action.run();
    } else {
      socketContext.runOnContext(v -> action.run());
    }
  }

  private void onActor(Runnable action) {
    Context target = actorContext;
    if (target == null || Thread.currentThread() == actorThread) {
      action.run();
    } else {
      target.runOnContext(v -> action.run());
    }
  }
}
