package org.sessionchat.chat.testing;

import java.time.Duration;
import org.sessionchat.chat.limits.Limits;
import org.sessionchat.chat.limits.RateLimit;

/** {@link Limits} for a test: {@link Limits#NONE} with the few bounds the test is about. */
public final class LimitsBuilder {

  private int maxConnections = Limits.NONE.maxConnections();
  private int maxConnectionsPerAddress = Limits.NONE.maxConnectionsPerAddress();
  private int maxRooms = Limits.NONE.maxRooms();
  private int maxRoomMembers = Limits.NONE.maxRoomMembers();
  private Duration idleTimeout = Limits.NONE.idleTimeout();
  private RateLimit rateLimit = Limits.NONE.rateLimit();
  private int maxOutboundBytes = Limits.NONE.maxOutboundBytes();
  private long maxUnendedLineBytes = Limits.NONE.maxUnendedLineBytes();

  public static LimitsBuilder limits() {
    return new LimitsBuilder();
  }

  public LimitsBuilder connections(int node, int perAddress) {
    this.maxConnections = node;
    this.maxConnectionsPerAddress = perAddress;
    return this;
  }

  public LimitsBuilder rooms(int rooms, int membersPerRoom) {
    this.maxRooms = rooms;
    this.maxRoomMembers = membersPerRoom;
    return this;
  }

  public LimitsBuilder idleTimeout(Duration timeout) {
    this.idleTimeout = timeout;
    return this;
  }

  public LimitsBuilder rateLimit(RateLimit limit) {
    this.rateLimit = limit;
    return this;
  }

  public LimitsBuilder maxOutboundBytes(int bytes) {
    this.maxOutboundBytes = bytes;
    return this;
  }

  public LimitsBuilder maxUnendedLineBytes(long bytes) {
    this.maxUnendedLineBytes = bytes;
    return this;
  }

  public Limits build() {
    return new Limits(maxConnections, maxConnectionsPerAddress, maxRooms, maxRoomMembers, idleTimeout, rateLimit,
        maxOutboundBytes, maxUnendedLineBytes);
  }
}
