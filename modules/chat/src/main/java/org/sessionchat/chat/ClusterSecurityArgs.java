package org.sessionchat.chat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Map;
import java.util.Set;
import org.sessionchat.session.security.ClusterTls;
import org.sessionchat.session.security.ClusterTlsException;
import org.sessionchat.session.security.NodeCredentials;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The node options that keep strangers out of a cluster: TLS for the event bus and a cluster
 * name that need not appear on the command line.
 *
 * <p>Why apart from {@link ChatNode}: these options go together and are checked together
 * (all three TLS files or none, name from file, environment or option), and the checks are
 * tested without starting a node.
 */
public final class ClusterSecurityArgs {

  /** The environment variable read for the cluster name when no option gives one. */
  public static final String NAME_VARIABLE = "SESSION_CHAT_CLUSTER_NAME";
  static final String DEFAULT_NAME = "session-chat";

  private static final Logger log = LoggerFactory.getLogger(ClusterSecurityArgs.class);

  @Spec(Spec.Target.MIXEE)
  private CommandSpec spec;

  @Option(names = "--cluster-tls-cert", paramLabel = "PEM",
      description = "This node's certificate for the event bus, signed by the cluster CA; with --cluster-tls-key and --cluster-tls-ca (default: no TLS between nodes).")
  Path tlsCert;

  @Option(names = "--cluster-tls-key", paramLabel = "PEM", description = "Private key (PKCS#8) of --cluster-tls-cert (default: no TLS between nodes).")
  Path tlsKey;

  @Option(names = "--cluster-tls-ca", paramLabel = "PEM", description = "CA certificate(s) a peer's certificate must be signed by (default: no TLS between nodes).")
  Path tlsCa;

  @Option(names = "--cluster-name-file", paramLabel = "FILE",
      description = "Read the cluster name from the first line of FILE instead of --cluster-name (keeps it out of ps and shell history).")
  Path nameFile;

  /** Event-bus TLS from the three options, or null when none is given; the files are loaded and checked. */
  ClusterTrust trust() {
    if (tlsCert == null && tlsKey == null && tlsCa == null) {
      return null;
    }
    if (tlsCert == null || tlsKey == null || tlsCa == null) {
      throw usage("--cluster-tls-cert, --cluster-tls-key and --cluster-tls-ca go together");
    }
    ClusterTls tls = new ClusterTls(tlsCert, tlsKey, tlsCa);
    try {
      NodeCredentials credentials = tls.load();
      credentials.ecPrivateKey(); // sender binding derives its keys by ECDH
      log.info("Event bus: mutual TLS as {} (CA {}), envelopes bound to their sender", credentials.name(),
          credentials.authorities().get(0).getSubjectX500Principal().getName());
      return new ClusterTrust(tls, credentials);
    } catch (ClusterTlsException e) {
      throw usage(e.getMessage());
    }
  }

  /**
   * The cluster name: from {@code --cluster-name-file}, else {@code --cluster-name} when
   * given, else the environment variable {@value #NAME_VARIABLE}, else the public default.
   */
  public String clusterName(String optionValue, boolean optionGiven, Map<String, String> environment) {
    if (nameFile != null) {
      if (optionGiven) {
        throw usage("--cluster-name and --cluster-name-file exclude each other");
      }
      return nameFromFile();
    }
    if (optionGiven) {
      return optionValue;
    }
    String fromEnvironment = environment.get(NAME_VARIABLE);
    return fromEnvironment == null || fromEnvironment.isBlank() ? optionValue : fromEnvironment.strip();
  }

  private String nameFromFile() {
    String name;
    try {
      name = Files.readAllLines(nameFile, StandardCharsets.UTF_8).stream().findFirst().orElse("").strip();
    } catch (IOException e) {
      throw usage("cannot read --cluster-name-file " + nameFile + " (" + e.getMessage() + ")");
    }
    if (name.isEmpty()) {
      throw usage("--cluster-name-file " + nameFile + " is empty");
    }
    warnIfOthersCanRead();
    return name;
  }

  private void warnIfOthersCanRead() {
    try {
      Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(nameFile);
      if (permissions.contains(PosixFilePermission.OTHERS_READ)) {
        log.warn("{} can be read by every user of this machine; chmod 600 it", nameFile);
      }
    } catch (IOException | UnsupportedOperationException e) {
      // not a POSIX file system: nothing to check
    }
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
