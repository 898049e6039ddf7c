package org.sessionchat.chat.limits;

import java.time.Duration;

/**
 * What one node allows its clients: the bounds that keep a node up when clients misbehave.
 * Every value has a command-line option (see {@code ChatNode} and docs/operations.md).
 *
 * @param maxConnections           connections open on the node at once
 * @param maxConnectionsPerAddress connections open at once from one remote IP address
 * @param maxRooms                 rooms hosted on the node
 * @param maxRoomMembers           members of one room
 * @param idleTimeout              a client that sends no complete line for this long is
 *                                 disconnected ({@code PING} keeps a quiet client alive);
 *                                 {@link Duration#ZERO} = never
 * @param rateLimit                flood control on the lines of one connection
 * @param maxOutboundBytes         bytes waiting to be written to one client before it counts
 *                                 as not reading and is disconnected
 * @param maxUnendedLineBytes      bytes of one line without a newline (discarded already, as
 *                                 too long) after which the client is disconnected
 */
public record Limits(int maxConnections, int maxConnectionsPerAddress, int maxRooms, int maxRoomMembers,
    Duration idleTimeout, RateLimit rateLimit, int maxOutboundBytes, long maxUnendedLineBytes) {

  /**
   * Nothing bounded but what keeps memory finite, for code that does not ask for limits
   * (tests of other things): no connection, room or member limit, no idle timeout, no flood
   * control. The command line's defaults are safer; see {@code ChatNode}.
   */
  public static final Limits NONE = new Limits(Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE,
      Integer.MAX_VALUE, Duration.ZERO, RateLimit.OFF, 4 * 1024 * 1024, Long.MAX_VALUE);
}
