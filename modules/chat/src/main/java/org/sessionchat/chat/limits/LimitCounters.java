package org.sessionchat.chat.limits;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * How often one node's limits struck, for {@code /metrics}: connections closed or refused by
 * {@link Disconnect reason}, lines flood control held back (and how many wait, how many
 * connections are held back now and for how long in all), rooms and joins refused.
 *
 * <p>Why plain adders and no metrics library here: the limits work the same with metrics
 * off; the metrics layer reads these counters when scraped. Safe from any thread.
 */
public final class LimitCounters {

  private final Map<Disconnect, LongAdder> disconnects = new EnumMap<>(Disconnect.class);
  private final LongAdder delayedLines = new LongAdder();
  private final LongAdder waitingLines = new LongAdder();
  private final LongAdder heldConnections = new LongAdder();
  private final LongAdder heldNanos = new LongAdder();
  private final LongAdder roomsRefused = new LongAdder();
  private final LongAdder joinsRefused = new LongAdder();

  public LimitCounters() {
    for (Disconnect reason : Disconnect.values()) {
      disconnects.put(reason, new LongAdder());
    }
  }

  public void disconnected(Disconnect reason) {
    disconnects.get(reason).increment();
  }

  /** Flood control held a line back (see {@link FloodGate}). */
  void lineDelayed() {
    delayedLines.increment();
    waitingLines.increment();
  }

  /** A held-back line had its turn. */
  void lineWaited() {
    waitingLines.decrement();
  }

  /** Held-back lines dropped because their connection closed. */
  void linesDropped(int lines) {
    waitingLines.add(-lines);
  }

  /** Flood control stopped reading a connection. */
  void connectionHeld() {
    heldConnections.increment();
  }

  /** Flood control reads a connection again (or it closed) after holding it for {@code nanos}. */
  void connectionReleased(long nanos) {
    heldConnections.decrement();
    heldNanos.add(nanos);
  }

  public void roomRefused() {
    roomsRefused.increment();
  }

  public void joinRefused() {
    joinsRefused.increment();
  }

  /** Connections closed or refused for {@code reason}. */
  public long disconnects(Disconnect reason) {
    return disconnects.get(reason).sum();
  }

  /** Lines flood control held back before they were handled (or their connection closed). */
  public long delayedLines() {
    return delayedLines.sum();
  }

  /** Lines held back by flood control right now. */
  public long waitingLines() {
    return waitingLines.sum();
  }

  /** Connections flood control does not read right now. */
  public long heldConnections() {
    return heldConnections.sum();
  }

  /** Seconds, summed over connections, that flood control held connections back (finished stretches). */
  public double heldSeconds() {
    return heldNanos.sum() / 1e9;
  }

  /** CREATEs refused because the node hosts {@link Limits#maxRooms()} rooms. */
  public long roomsRefused() {
    return roomsRefused.sum();
  }

  /** JOINs refused because the room had {@link Limits#maxRoomMembers()} members. */
  public long joinsRefused() {
    return joinsRefused.sum();
  }
}
