package org.sessionchat.chat.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.spi.FilterReply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The lines are the ones Hazelcast 5.3 wrote on a survivor when a member of a 3-node cluster was killed. */
class MemberLeftNoiseFilterTest {

  private static final String PREFIX = "[127.0.0.1]:13202 [sc] [5.3.8] ";
  private final LoggerContext context = new LoggerContext();
  private final MemberLeftNoiseFilter filter = new MemberLeftNoiseFilter();

  private FilterReply decide(String logger, Level level, String message) {
    Logger log = context.getLogger(logger);
    return filter.decide(null, log, level, PREFIX + message, null, null);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "com.hazelcast.internal.server.tcp.TcpServerConnectionErrorHandler | Removing connection to endpoint [127.0.0.1]:13201 Cause => java.io.IOException {Connection refused to address /127.0.0.1:13201}, Error-Count: 5",
      "com.hazelcast.internal.cluster.impl.MembershipManager | Member [127.0.0.1]:13201 - 64631fbc is suspected to be dead for reason: No connection",
      "com.hazelcast.internal.cluster.ClusterService | Mastership of [127.0.0.1]:13202 is accepted. Response: MembersView{version=3, members=[MemberInfo{address=[127.0.0.1]:13202}]}",
      "com.hazelcast.spi.impl.operationservice.OperationService | Not Member! target: [127.0.0.1]:13201, partitionId: -1, operation: x",
      "com.hazelcast.internal.partition.InternalPartitionService | Following unknown addresses are found in partition table sent from master[[127.0.0.1]:13202]."})
  void dropsTheLinesAKilledMemberCauses(String logger, String message) {
    assertThat(decide(logger, Level.WARN, message)).isEqualTo(FilterReply.DENY);
  }

  @Test
  void dropsTheResetOfAWriteToTheDeadMemberButNotOtherConnectionFailures() {
    Logger log = context.getLogger("com.hazelcast.internal.server.tcp.TcpServerConnection");
    String closed = PREFIX + "Connection[id=2, endpoint=[127.0.0.1]:13201] closed. Reason: Exception in Connection[id=2]";
    assertThat(filter.decide(null, log, Level.WARN, closed, null, new java.io.IOException("Connection reset by peer")))
        .isEqualTo(FilterReply.DENY);
    assertThat(filter.decide(null, log, Level.WARN, closed, null, new java.net.SocketException("Connection reset")))
        .isEqualTo(FilterReply.DENY);
    assertThat(filter.decide(null, log, Level.WARN, closed, null, new IllegalStateException("Connection reset by peer")))
        .isEqualTo(FilterReply.NEUTRAL);
    assertThat(filter.decide(null, log, Level.WARN, closed, null, new java.io.IOException("Too many open files")))
        .isEqualTo(FilterReply.NEUTRAL);
  }

  @Test
  void keepsRealTroubleFromTheSameLoggers() {
    assertThat(decide("com.hazelcast.internal.server.tcp.TcpServerConnectionErrorHandler", Level.WARN,
        "Removing connection to endpoint [10.0.0.2]:5701 Cause => java.net.SocketTimeoutException, Error-Count: 5"))
        .isEqualTo(FilterReply.NEUTRAL);
    assertThat(decide("com.hazelcast.internal.cluster.ClusterService", Level.WARN, "Split brain detected"))
        .isEqualTo(FilterReply.NEUTRAL);
    assertThat(decide("com.hazelcast.internal.cluster.impl.MembershipManager", Level.ERROR,
        "Member [127.0.0.1]:13201 is suspected to be dead")).isEqualTo(FilterReply.NEUTRAL);
    assertThat(decide("org.sessionchat.chat.Other", Level.WARN, "Not Member! target: x")).isEqualTo(FilterReply.NEUTRAL);
  }
}
