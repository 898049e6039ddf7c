package org.sessionchat.chat.limits;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * The limits of one connection, asked by the connection at each line, each chunk read and
 * each idle check: flood control, the idle timeout and the bound on a line that never ends.
 *
 * <p>Why apart from the connection: the connection moves bytes; this decides when a client
 * has gone too far, with the node's {@link Limits} and {@link LimitCounters}. Not
 * thread-safe: one per connection, used from its context.
 */
public final class ConnectionGuard {

  private final Limits limits;
  private final LimitCounters counters;
  private final long idleNanos;
  private long lastLineAt = System.nanoTime();
  private boolean pinged;

  public ConnectionGuard(Limits limits, LimitCounters counters) {
    this.limits = limits;
    this.counters = counters;
    this.idleNanos = limits.idleTimeout().toNanos();
  }

  /**
   * The flood-control stage to put in front of {@code downstream}, or empty when flood control
   * is off (then items go straight on).
   */
  public <T> Optional<FloodGate<T>> floodGate(FloodGate.Scheduler scheduler, FloodGate.Source source,
      Consumer<T> downstream) {
    if (!limits.rateLimit().enabled()) {
      return Optional.empty();
    }
    return Optional.of(new FloodGate<>(limits.rateLimit(), System::nanoTime, scheduler, source, downstream, counters));
  }

  /** A complete line of the client is being handled: the client is alive. */
  public void lineArrived() {
    lastLineAt = System.nanoTime();
    pinged = false;
  }

  /** True if the client sent no complete line for longer than the idle timeout. */
  public boolean isIdle(long nowNanos) {
    return idleNanos > 0 && nowNanos - lastLineAt > idleNanos;
  }

  /**
   * True once per quiet spell, when the client sent nothing for half the idle timeout: a
   * format with a keep-alive (IRC's PING) asks it now, before {@link #isIdle} strikes.
   */
  public boolean shouldPing(long nowNanos) {
    if (idleNanos <= 0 || pinged || nowNanos - lastLineAt <= idleNanos / 2) {
      return false;
    }
    pinged = true;
    return true;
  }

  /** True if the line being received, {@code bytes} long so far, must end the connection. */
  public boolean isUnendedLineTooLong(long bytes) {
    return bytes > limits.maxUnendedLineBytes();
  }

  /** Bytes that may wait to be written to the client. */
  public int maxOutboundBytes() {
    return limits.maxOutboundBytes();
  }

  /** The connection is being closed for {@code reason}. */
  public void disconnecting(Disconnect reason) {
    counters.disconnected(reason);
  }
}
