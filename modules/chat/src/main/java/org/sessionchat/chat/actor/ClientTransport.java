package org.sessionchat.chat.actor;

import java.util.function.Consumer;
import org.sessionchat.chat.wire.Command;

/**
 * What a {@link ClientActor} needs from the client it serves: commands in, events out, and
 * a way to close.
 *
 * <p>Why an interface: the actor owns the sessions, the transport owns bytes, framing and
 * one wire format. The line protocol, IRC and tests each implement this and drive the very
 * same actor; a test needs no socket at all. All methods are called on the actor's context.
 */
public interface ClientTransport {

  /** Starts reading; each command is handed to {@code commands}, in the order received. */
  void start(Consumer<Command> commands);

  /** Tells the client {@code event}; does nothing once the transport is closed. */
  void deliver(ClientEvent event);

  /** Stops reading until {@link #resume()} (the actor has too many commands waiting). */
  void pause();

  void resume();

  /** Closes after what was delivered so far; the close handlers run once it is closed. */
  void close(CloseReason reason);

  /** Adds {@code handler}, run once when the transport is closed by either side. */
  void onClose(Runnable handler);

  /** Where the client is, for log lines. */
  String remoteAddress();

  /** Why the actor closes its transport. */
  enum CloseReason {
    /** The client asked to quit (the line protocol answers {@code BYE} first). */
    CLIENT_QUIT,
    /** The node shuts down in order (the line protocol answers {@code BYE} first). */
    NODE_SHUTDOWN,
    /** The actor stopped (its node shuts down, or it failed). */
    ACTOR_STOPPED
  }
}
