package org.sessionchat.chat.limits;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Admission of new connections: at most {@link Limits#maxConnections()} on the node and
 * {@link Limits#maxConnectionsPerAddress()} from one IP address.
 *
 * <p>Why counted per address: one host opening thousands of sockets should run out of its
 * own share, not of everybody's. One per node, shared by all its listeners (line, IRC, the
 * web console's chat sockets), each on a context of its own: admission is synchronized.
 */
public final class ConnectionLimits {

  private final Limits limits;
  private final LimitCounters counters;
  private final Map<String, Integer> perAddress = new HashMap<>();
  private int open;

  public ConnectionLimits(Limits limits, LimitCounters counters) {
    this.limits = limits;
    this.counters = counters;
  }

  /**
   * Admits a connection from {@code address} (an IP address, no port), or says why not.
   * An admitted connection must be {@link #release released} when it closes.
   */
  public synchronized Optional<Disconnect> admit(String address) {
    Disconnect refusal = null;
    if (open >= limits.maxConnections()) {
      refusal = Disconnect.NODE_FULL;
    } else if (perAddress.getOrDefault(address, 0) >= limits.maxConnectionsPerAddress()) {
      refusal = Disconnect.ADDRESS_FULL;
    }
    if (refusal != null) {
      counters.disconnected(refusal);
      return Optional.of(refusal);
    }
    open++;
    perAddress.merge(address, 1, Integer::sum);
    return Optional.empty();
  }

  /** Connections admitted and not yet released: line, IRC and browser clients together. */
  public synchronized int open() {
    return open;
  }

  /** A connection admitted from {@code address} has closed. */
  public synchronized void release(String address) {
    open--;
    perAddress.computeIfPresent(address, (key, count) -> count == 1 ? null : count - 1);
  }
}
