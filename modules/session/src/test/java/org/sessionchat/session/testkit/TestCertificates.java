package org.sessionchat.session.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.Map;
import org.sessionchat.session.security.ClusterTls;
import org.sessionchat.session.security.ClusterTlsException;
import org.sessionchat.session.security.NodeCredentials;
import org.sessionchat.session.security.SenderBinding;

/**
 * Cluster certificates made by {@code scripts/cluster-certs}, the operator's own tool, so the
 * tests check the script and the nodes together.
 */
public final class TestCertificates {

  private final Path dir;

  private TestCertificates(Path dir) {
    this.dir = dir;
  }

  /** A new CA in {@code dir} with certificates for {@code node1..nodeN}. */
  public static TestCertificates local(Path dir, int nodes) {
    TestCertificates certificates = new TestCertificates(dir);
    certificates.script("local", dir.toString(), String.valueOf(nodes));
    return certificates;
  }

  /** A certificate for one more node {@code name}, signed by this CA. */
  public ClusterTls node(String name) {
    if (!Files.isRegularFile(dir.resolve(name + ".pem"))) {
      script("node", dir.toString(), name, "127.0.0.1");
    }
    return tls(name);
  }

  /** The TLS files of {@code name} (made by {@link #local} or {@link #node}). */
  public ClusterTls tls(String name) {
    return new ClusterTls(dir.resolve(name + ".pem"), dir.resolve(name + "-key.pem"), dir.resolve("ca.pem"));
  }

  /**
   * A cluster member with {@code name}'s certificate: TLS on its event bus and the
   * certificate announced for sender binding.
   */
  public ClusteredVertxNodes.Member member(String name) {
    ClusterTls tls = tls(name);
    try {
      return new ClusteredVertxNodes.Member(tls::applyTo,
          Map.of(SenderBinding.CERTIFICATE_ATTRIBUTE, SenderBinding.announce(tls.load())));
    } catch (ClusterTlsException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The loaded certificate, key and CA of {@code name}. */
  public NodeCredentials credentials(String name) {
    try {
      return tls(name).load();
    } catch (ClusterTlsException e) {
      throw new IllegalStateException(e);
    }
  }

  public Path dir() {
    return dir;
  }

  private void script(String... args) {
    Path script = TestProtocols.projectProtocols().getParent().resolve("scripts/cluster-certs");
    List<String> command = new ArrayList<>(List.of("bash", script.toString()));
    command.addAll(List.of(args));
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes());
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        process.destroyForcibly();
        throw new IllegalStateException("scripts/cluster-certs " + String.join(" ", args) + " failed:\n" + output);
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + script, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
