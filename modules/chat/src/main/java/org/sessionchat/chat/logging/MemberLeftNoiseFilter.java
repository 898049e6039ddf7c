package org.sessionchat.chat.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import java.util.List;
import org.slf4j.Marker;

/**
 * Drops the WARN lines Hazelcast writes on every node each time a member dies (a refused
 * connection, "suspected to be dead", the new master's {@code MembersView{…}}, "Not
 * Member!", "unknown addresses … in partition table", a write to the dead member reset
 * by the peer, with its stack trace); the node's own log says it in
 * one line instead: {@code node node1 left the cluster; ending local sessions with participants there}.
 *
 * <p>Why a filter on the messages and not a level per logger: the same loggers report real
 * trouble too (a member that cannot join, a split brain, a failed migration), and those
 * lines must still show. Only these exact messages, which mean nothing but "a member
 * left", are dropped; everything else from these loggers passes, and so does every line
 * of theirs at ERROR. Installed by logback.xml ({@code <turboFilter>}).
 */
public final class MemberLeftNoiseFilter extends TurboFilter {

  /**
   * A line that only says a member left: the logger's simple name, the texts the message
   * contains, and, if not null, a text the message of its exception contains.
   */
  record Noise(String logger, List<String> texts, String cause) {
    Noise(String logger, List<String> texts) {
      this(logger, texts, null);
    }

    boolean matches(String loggerName, String message, Throwable t) {
      return loggerName.endsWith("." + logger) && texts.stream().allMatch(message::contains)
          && (cause == null || t instanceof java.io.IOException && String.valueOf(t.getMessage()).contains(cause));
    }
  }

  static final List<Noise> NOISE = List.of(
      new Noise("TcpServerConnectionErrorHandler", List.of("Removing connection to endpoint", "Connection refused")),
      new Noise("MembershipManager", List.of("is suspected to be dead")),
      new Noise("ClusterService", List.of("Mastership of", "is accepted", "MembersView{")),
      new Noise("OperationService", List.of("Not Member! target:")),
      new Noise("InternalPartitionService", List.of("Following unknown addresses are found in partition table")),
      // a read or write of the member that just died, with the stack trace of its "Connection reset (by peer)"
      new Noise("TcpServerConnection", List.of("closed. Reason: Exception in Connection"), "Connection reset"));

  @Override
  public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
    if (level != Level.WARN || format == null || !logger.getName().startsWith("com.hazelcast.")) {
      return FilterReply.NEUTRAL;
    }
    for (Noise noise : NOISE) {
      if (noise.matches(logger.getName(), format, t)) {
        return FilterReply.DENY;
      }
    }
    return FilterReply.NEUTRAL;
  }
}
