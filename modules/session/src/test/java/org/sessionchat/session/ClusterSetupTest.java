package org.sessionchat.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

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
    assertThat(config.getProperty("hazelcast.max.no.heartbeat.seconds")).isEqualTo("3");
    assertThat(config.getProperty("hazelcast.logging.type")).isEqualTo("slf4j");
    assertThat(config.getMultiMapConfigs()).as("vertx-hazelcast's settings are kept").containsKey("__vertx.subs");
  }
}
