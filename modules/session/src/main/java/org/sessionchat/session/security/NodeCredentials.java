package org.sessionchat.session.security;

import io.vertx.core.net.KeyCertOptions;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.TrustOptions;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.sessionchat.session.security.ClusterTlsException.Reason;

/**
 * A node's cluster identity, loaded and checked: its certificate chain, its private key and
 * the CA certificates it trusts.
 *
 * <p>Why checked at start-up: a key that does not fit its certificate, or a certificate the
 * cluster's CA did not sign, would otherwise show only as failing sends once the node has
 * joined Hazelcast.
 *
 * @param chain       the node's certificate first, then any intermediates
 * @param privateKey  the key of {@code chain.get(0)}
 * @param authorities the CA certificates of the trust file (more than one while a CA is rolled)
 */
public record NodeCredentials(List<X509Certificate> chain, PrivateKey privateKey, List<X509Certificate> authorities) {

  private static final String CLIENT_AUTH_TYPE = "UNKNOWN";

  public NodeCredentials {
    chain = List.copyOf(chain);
    authorities = List.copyOf(authorities);
  }

  /** Loads the files of {@code tls} and checks that they fit together. */
  public static NodeCredentials load(ClusterTls tls) throws ClusterTlsException {
    NodeCredentials credentials = new NodeCredentials(Pem.certificates(tls.certificate()),
        Pem.privateKey(tls.privateKey()), Pem.certificates(tls.authority()));
    credentials.requireKeyMatches(tls);
    try {
      credentials.verifyPeer(credentials.chain.toArray(X509Certificate[]::new));
    } catch (CertificateException e) {
      throw new ClusterTlsException(Reason.UNTRUSTED, tls.certificate() + " (" + credentials.name()
          + ") is not accepted by the CA in " + tls.authority() + ": " + e.getMessage(), e);
    }
    return credentials;
  }

  /** The node's own certificate. */
  public X509Certificate certificate() {
    return chain.get(0);
  }

  /** The subject of the node's certificate, e.g. {@code CN=node1}. */
  public String name() {
    return certificate().getSubjectX500Principal().getName();
  }

  /** The key as an EC key, for key agreement; fails for RSA keys. */
  public ECPrivateKey ecPrivateKey() throws ClusterTlsException {
    if (privateKey instanceof ECPrivateKey ec) {
      return ec;
    }
    throw new ClusterTlsException(Reason.NOT_EC, "the cluster key of " + name() + " is " + privateKey.getAlgorithm()
        + "; sender binding needs EC keys (scripts/cluster-certs makes P-256 keys)");
  }

  /**
   * Fails unless {@code peerChain} is signed by one of {@link #authorities()}, valid now, and
   * usable for TLS client authentication: the same PKIX check TLS applies.
   */
  public void verifyPeer(X509Certificate[] peerChain) throws CertificateException {
    trustManager().checkClientTrusted(peerChain, CLIENT_AUTH_TYPE);
  }

  /**
   * Turns on TLS in {@code options} as the event bus speaks it: this node's certificate shown,
   * only the cluster's CA trusted, no host name check (nodes are known by certificate, as on
   * the event bus). For connections of the node's own to another node's event-bus port.
   */
  public NetClientOptions applyTo(NetClientOptions options) {
    try {
      char[] password = "in-memory".toCharArray();
      KeyStore keys = KeyStore.getInstance(KeyStore.getDefaultType());
      keys.load(null, null);
      keys.setKeyEntry("node", privateKey, password, chain.toArray(X509Certificate[]::new));
      KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keyManagers.init(keys, password);
      return options.setSsl(true)
          .setKeyCertOptions(KeyCertOptions.wrap(keyManagers))
          .setTrustOptions(TrustOptions.wrap(trustManager()))
          .setHostnameVerificationAlgorithm("");
    } catch (GeneralSecurityException | java.io.IOException e) {
      // the key and certificates were read and checked when these credentials were loaded
      throw new IllegalStateException("cannot hold the cluster key of " + name() + " in memory: " + e.getMessage(), e);
    }
  }

  private X509TrustManager trustManager() throws CertificateException {
    try {
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      for (int i = 0; i < authorities.size(); i++) {
        store.setCertificateEntry("ca-" + i, authorities.get(i));
      }
      TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(store);
      for (TrustManager manager : factory.getTrustManagers()) {
        if (manager instanceof X509TrustManager x509) {
          return x509;
        }
      }
      throw new CertificateException("no X.509 trust manager");
    } catch (GeneralSecurityException | java.io.IOException e) {
      throw new CertificateException("cannot build a trust store from the CA certificates: " + e.getMessage(), e);
    }
  }

  private void requireKeyMatches(ClusterTls tls) throws ClusterTlsException {
    String algorithm = privateKey instanceof ECPrivateKey ? "SHA256withECDSA" : "SHA256withRSA";
    byte[] probe = "session-chat key check".getBytes(StandardCharsets.US_ASCII);
    try {
      Signature signer = Signature.getInstance(algorithm);
      signer.initSign(privateKey);
      signer.update(probe);
      byte[] signature = signer.sign();
      Signature verifier = Signature.getInstance(algorithm);
      verifier.initVerify(certificate().getPublicKey());
      verifier.update(probe);
      if (verifier.verify(signature)) {
        return;
      }
    } catch (GeneralSecurityException mismatch) {
      // e.g. an RSA key with an EC certificate
    }
    throw new ClusterTlsException(Reason.KEY_MISMATCH, tls.privateKey() + " is not the key of " + tls.certificate());
  }
}
