package org.sessionchat.session.security;

import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.core.http.ClientAuth;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Set;

/**
 * Mutually authenticated TLS on the clustered event bus, from PEM files.
 *
 * <p>Why: without it any process that reaches a node's event-bus port can put messages on
 * the bus, and anyone on the path can read them. With it every node-to-node connection is
 * encrypted and both ends show a certificate signed by the cluster's CA; a connection from a
 * node without one fails in the TLS handshake, before any message is read.
 *
 * @param certificate the node's certificate (chain), PEM
 * @param privateKey  its private key, PEM PKCS#8
 * @param authority   the CA certificate(s) the node trusts, PEM; several while a CA is rolled
 */
public record ClusterTls(Path certificate, Path privateKey, Path authority) {

  private static final Set<String> PROTOCOLS = Set.of("TLSv1.2", "TLSv1.3");

  public ClusterTls {
    Objects.requireNonNull(certificate, "certificate");
    Objects.requireNonNull(privateKey, "privateKey");
    Objects.requireNonNull(authority, "authority");
  }

  /**
   * Turns on TLS with required client certificates in {@code options}. Event-bus options
   * trust every server certificate unless told otherwise ({@code trustAll} defaults to true
   * there): this turns that off, so a node also refuses to send to a peer whose certificate
   * the CA did not sign.
   */
  public EventBusOptions applyTo(EventBusOptions options) {
    options.setSsl(true)
        .setTrustAll(false)
        .setKeyCertOptions(new PemKeyCertOptions().setCertPath(certificate.toString()).setKeyPath(privateKey.toString()))
        .setTrustOptions(new PemTrustOptions().addCertPath(authority.toString()))
        .setClientAuth(ClientAuth.REQUIRED)
        .setEnabledSecureTransportProtocols(PROTOCOLS);
    return options;
  }

  /** Loads and checks the files: the key fits the certificate, the CA signed it. */
  public NodeCredentials load() throws ClusterTlsException {
    return NodeCredentials.load(this);
  }
}
