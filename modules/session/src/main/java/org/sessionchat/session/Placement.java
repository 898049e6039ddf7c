package org.sessionchat.session;

import io.vertx.core.Context;
import java.util.Objects;

/**
 * Which event loop an actor's verticle runs on.
 *
 * <p>Why it matters: an actor's messages to actors (or sockets) on another event loop cross
 * threads, and each crossing is a queued task and often a wake-up. Vert.x gives verticles
 * event loops in turn, which spreads load but separates an actor from the socket it serves.
 * An actor that stands for one connection belongs on the connection's event loop, as a
 * Netty handler sits on its channel's: then its lines never change thread.
 */
public sealed interface Placement {

  /** Vert.x's choice: the next event loop in turn. */
  static Placement anyEventLoop() {
    return AnyEventLoop.INSTANCE;
  }

  /** The event loop {@code context} runs on, e.g. the context a socket's handlers run on. */
  static Placement eventLoopOf(Context context) {
    return new EventLoopOf(context);
  }

  /** The next event loop in turn. */
  enum AnyEventLoop implements Placement {
    INSTANCE
  }

  /** The event loop of {@code context}; the actor gets a context of its own there. */
  record EventLoopOf(Context context) implements Placement {
    public EventLoopOf {
      Objects.requireNonNull(context, "context");
      if (!context.isEventLoopContext()) {
        throw new IllegalArgumentException("not an event-loop context: " + context);
      }
    }
  }
}
