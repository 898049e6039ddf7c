package org.sessionchat.session.security;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sessionchat.session.security.ClusterTlsException.Reason;

/**
 * Reads the PEM files of a node's cluster identity: certificates and a PKCS#8 private key.
 *
 * <p>Why our own reader next to Vert.x's: the node checks its files before it joins (key
 * matches certificate, certificate signed by the CA) and derives the sender-binding keys
 * from them; Vert.x reads the same files again for TLS.
 */
final class Pem {

  private static final Pattern PKCS8 = Pattern.compile(
      "-----BEGIN PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END PRIVATE KEY-----");

  private Pem() {
  }

  static List<X509Certificate> certificates(Path file) throws ClusterTlsException {
    byte[] bytes = read(file);
    try {
      List<X509Certificate> certificates = new ArrayList<>();
      CertificateFactory factory = CertificateFactory.getInstance("X.509");
      for (var certificate : factory.generateCertificates(new ByteArrayInputStream(bytes))) {
        certificates.add((X509Certificate) certificate);
      }
      if (certificates.isEmpty()) {
        throw new ClusterTlsException(Reason.NOT_PEM, file + " holds no PEM certificate");
      }
      return List.copyOf(certificates);
    } catch (CertificateException e) {
      throw new ClusterTlsException(Reason.NOT_PEM, file + " holds no PEM certificate (" + e.getMessage() + ")", e);
    }
  }

  static PrivateKey privateKey(Path file) throws ClusterTlsException {
    Matcher matcher = PKCS8.matcher(new String(read(file), StandardCharsets.US_ASCII));
    if (!matcher.find()) {
      throw new ClusterTlsException(Reason.NOT_PEM, file + " holds no unencrypted PKCS#8 key (BEGIN PRIVATE KEY);"
          + " convert it with 'openssl pkcs8 -topk8 -nocrypt -in OLD -out NEW'");
    }
    byte[] der = Base64.getMimeDecoder().decode(matcher.group(1));
    for (String algorithm : new String[] {"EC", "RSA"}) {
      try {
        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
      } catch (GeneralSecurityException notThisKind) {
        // try the next kind
      }
    }
    throw new ClusterTlsException(Reason.NOT_PEM, file + " holds a private key that is neither EC nor RSA");
  }

  private static byte[] read(Path file) throws ClusterTlsException {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new ClusterTlsException(Reason.UNREADABLE, "cannot read " + file + " (" + e.getMessage() + ")", e);
    }
  }
}
