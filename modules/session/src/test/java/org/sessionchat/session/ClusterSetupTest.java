package org.sessionchat.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sessionchat.session.testkit.TestProtocols;

class ClusterSetupTest {

  @Test
  void theBuiltInConfigurationIsTurnedIntoALoopbackClusterThatFailsFast() {
    Config config = ClusterSetup.config(
        ClusterOptions.loopback("c-1", 5801, List.of("127.0.0.1:5801", "127.0.0.1:5802")));

    JoinConfig join = config.getNetworkConfig().getJoin();
    assertThat(config.getClusterName()).isEqualTo("c-1");
    assertThat(config.getNetworkConfig().getPort()).isEqualTo(5801);
    assertThat(config.getNetworkConfig().getInterfaces().getInterfaces()).containsExactly("127.0.0.1");
    assertThat(join.getMulticastConfig().isEnabled()).isFalse();
    assertThat(join.getAutoDetectionConfig().isEnabled()).isFalse();
    assertThat(join.getTcpIpConfig().isEnabled()).isTrue();
    assertThat(join.getTcpIpConfig().getMembers()).containsExactly("127.0.0.1:5801", "127.0.0.1:5802");
    assertThat(config.getProperty("hazelcast.heartbeat.failuredetector.type")).isEqualTo("phi-accrual");
    assertThat(config.getProperty("hazelcast.max.no.heartbeat.seconds")).isEqualTo("3");
    assertThat(config.getProperty("hazelcast.logging.type")).isEqualTo("slf4j");
    assertThat(config.getProperty("hazelcast.socket.bind.any"))
        .as("the member port listens on the interface only, not on 0.0.0.0").isEqualTo("false");
    assertThat(config.getMultiMapConfigs()).as("vertx-hazelcast's settings are kept").containsKey("__vertx.subs");
  }

  @Test
  void aGivenHazelcastXmlIsTheStartingPointAndStillGetsTheLoopbackSettings(@TempDir Path dir) throws IOException {
    Path xml = dir.resolve("hazelcast.xml");
    Files.writeString(xml, """
        <hazelcast xmlns="http://www.hazelcast.com/schema/config">
          <properties><property name="hazelcast.max.no.heartbeat.seconds">7</property></properties>
          <map name="rooms"><backup-count>2</backup-count></map>
          <network><join><multicast enabled="true"/></join></network>
        </hazelcast>
        """);

    Config config = ClusterSetup.config(new ClusterOptions("c-2", "127.0.0.1", 5901, List.of("127.0.0.1:5901"), xml));

    assertThat(config.getMapConfig("rooms").getBackupCount()).isEqualTo(2);
    assertThat(config.getProperty("hazelcast.max.no.heartbeat.seconds")).as("the file's own setting wins").isEqualTo("7");
    assertThat(config.getProperty("hazelcast.heartbeat.interval.seconds")).as("defaults fill the rest").isEqualTo("1");
    assertThat(config.getClusterName()).isEqualTo("c-2");
    assertThat(config.getNetworkConfig().getJoin().getMulticastConfig().isEnabled()).isFalse();
    assertThat(config.getNetworkConfig().getJoin().getTcpIpConfig().getMembers()).containsExactly("127.0.0.1:5901");
  }

  @Test
  void aHazelcastXmlThatDiscoversMembersThroughKubernetesGetsNoMemberList(@TempDir Path dir) throws IOException {
    Path xml = dir.resolve("hazelcast.xml");
    Files.writeString(xml, """
        <hazelcast xmlns="http://www.hazelcast.com/schema/config">
          <network><join>
            <multicast enabled="false"/><tcp-ip enabled="false"/>
            <kubernetes enabled="true"><service-name>session-chat</service-name></kubernetes>
          </join></network>
        </hazelcast>
        """);

    Config config = ClusterSetup.config(new ClusterOptions("c-4", "10.1.2.3", 5701, List.of("127.0.0.1:5701"), xml));

    assertThat(config.getNetworkConfig().getJoin().getKubernetesConfig().isEnabled()).isTrue();
    assertThat(config.getNetworkConfig().getJoin().getTcpIpConfig().isEnabled())
        .as("Hazelcast refuses two join methods at once").isFalse();
    assertThat(config.getNetworkConfig().getInterfaces().getInterfaces()).containsExactly("10.1.2.3");
  }

  @Test
  void theProjectsClusterConfigLoadsAndKeepsItsOwnSettings() {
    Path xml = TestProtocols.projectProtocols().resolveSibling("cluster-config/hazelcast.xml");
    assumeTrue(Files.isRegularFile(xml), "no cluster-config/hazelcast.xml in this checkout");

    Config config = ClusterSetup.config(new ClusterOptions("c-3", "127.0.0.1", 5701, List.of(), xml));

    assertThat(config.getClusterName()).isEqualTo("c-3");
    assertThat(config.getNetworkConfig().getJoin().getTcpIpConfig().getMembers()).isNotEmpty();
    assertThat(config.getMultiMapConfigs()).containsKey("__vertx.subs");
    assertThat(config.getProperty("hazelcast.shutdownhook.enabled")).isEqualTo("false");
    assertThat(config.getProperty("hazelcast.socket.bind.any")).isEqualTo("false");
  }

  @Test
  void aMissingHazelcastXmlIsNamed(@TempDir Path dir) {
    Path missing = dir.resolve("nope.xml");
    assertThatThrownBy(() -> ClusterSetup.config(new ClusterOptions("c", "127.0.0.1", 5701, List.of(), missing)))
        .hasMessageContaining(missing.toString());
  }
}
