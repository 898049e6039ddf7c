package org.sessionchat.chat.limits;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * How often one node's limits struck, for {@code /metrics}: connections closed or refused by
 * {@link Disconnect reason}, lines refused by flood control, rooms and joins refused.
 *
 * <p>Why plain adders and no metrics library here: the limits work the same with metrics
 * off; the metrics layer reads these counters when scraped. Safe from any thread.
 */
public final class LimitCounters {

  private final Map<Disconnect, LongAdder> disconnects = new EnumMap<>(Disconnect.class);
  private final LongAdder rateLimitedLines = new LongAdder();
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

  public void rateLimited() {
    rateLimitedLines.increment();
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

  /** Lines dropped with {@code ERROR:RATE_LIMITED}. */
  public long rateLimitedLines() {
    return rateLimitedLines.sum();
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
