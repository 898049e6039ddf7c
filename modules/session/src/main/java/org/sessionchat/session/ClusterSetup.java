package org.sessionchat.session;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.config.TcpIpConfig;
import io.vertx.spi.cluster.hazelcast.ConfigUtil;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.io.FileNotFoundException;
import java.io.UncheckedIOException;

/**
 * The one place that builds the Hazelcast cluster manager for a node.
 *
 * <p>Why here: the settings that make a loopback cluster form in seconds and notice a dead
 * member within seconds (interface, TCP-IP join with members listed one by one, short join
 * waits, one-second heartbeats judged by a phi-accrual detector) must be the same in the chat node, the tests and the
 * benchmark. It starts from vertx-hazelcast's own configuration so the {@code __vertx.*}
 * map settings Vert.x relies on are kept.
 */
public final class ClusterSetup {

  private ClusterSetup() {
  }

  /** A cluster manager for {@code options}; pass it to {@code Vertx.builder().withClusterManager(..)}. */
  public static HazelcastClusterManager clusterManager(ClusterOptions options) {
    return new HazelcastClusterManager(config(options));
  }

  /** The Hazelcast configuration {@link #clusterManager} uses. */
  public static Config config(ClusterOptions options) {
    Config config = baseConfig(options);
    config.setClusterName(options.clusterName());
    // Defaults for what a Hazelcast XML does not say: an operator's file (cluster-config/) wins.
    defaultProperty(config, "hazelcast.logging.type", "slf4j");
    defaultProperty(config, "hazelcast.phone.home.enabled", "false");
    // Hazelcast binds its member port to every interface (0.0.0.0) unless told not to, even
    // with an interface configured: listen on the cluster interface only.
    defaultProperty(config, "hazelcast.socket.bind.any", "false");
    defaultProperty(config, "hazelcast.socket.client.bind.any", "false");
    // a hung member is suspected once its silence is unlikely given the gaps seen from it lately
    // (phi-accrual). The runtime's own check (HangDetection) reads these heartbeats ten times a
    // second and asks a silent member over the event bus before it suspects it; Hazelcast's
    // check, once a second with 3 s tolerated (~4.4 s of silence), is the backstop, patient
    // enough not to remove a live member whose heartbeats a change of the member list held up
    // (figures in docs/reliability.md)
    defaultProperty(config, "hazelcast.heartbeat.failuredetector.type", "phi-accrual");
    defaultProperty(config, "hazelcast.heartbeat.interval.seconds", "1");
    defaultProperty(config, "hazelcast.max.no.heartbeat.seconds", "3");
    defaultProperty(config, "hazelcast.heartbeat.phiaccrual.failuredetector.threshold", "5");
    defaultProperty(config, "hazelcast.wait.seconds.before.join", "0");
    defaultProperty(config, "hazelcast.max.wait.seconds.before.join", "1");
    // a member removed while hung (SIGSTOP, long GC) rejoins within seconds, not minutes
    defaultProperty(config, "hazelcast.merge.first.run.delay.seconds", "5");
    defaultProperty(config, "hazelcast.merge.next.run.delay.seconds", "2");

    options.memberAttributes().forEach(config.getMemberAttributeConfig()::setAttribute);

    NetworkConfig network = config.getNetworkConfig();
    network.setPort(options.port()).setPortAutoIncrement(true);
    network.getInterfaces().setEnabled(true).clear().addInterface(options.host());
    network.setPublicAddress(null);

    JoinConfig join = network.getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    if (join.getKubernetesConfig().isEnabled()) {
      return config; // the operator's file discovers members through Kubernetes: no member list
    }
    TcpIpConfig tcp = join.getTcpIpConfig().setEnabled(true);
    if (!options.members().isEmpty() || tcp.getMembers().isEmpty()) {
      tcp.clear();
      options.members().forEach(tcp::addMember);
      if (options.members().isEmpty()) {
        tcp.addMember(options.host() + ":" + options.port());
      }
    }
    return config;
  }

  private static void defaultProperty(Config config, String name, String value) {
    if (config.getProperty(name) == null) {
      config.setProperty(name, value);
    }
  }

  private static Config baseConfig(ClusterOptions options) {
    if (options.hazelcastXml() == null) {
      return ConfigUtil.loadConfig();
    }
    try {
      return Config.loadFromFile(options.hazelcastXml().toFile());
    } catch (FileNotFoundException e) {
      throw new UncheckedIOException("Hazelcast configuration not found: " + options.hazelcastXml(), e);
    }
  }
}
