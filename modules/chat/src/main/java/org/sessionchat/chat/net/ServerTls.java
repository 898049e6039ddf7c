package org.sessionchat.chat.net;

import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.PemKeyCertOptions;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * TLS on the client port from a PEM certificate (chain) and its PEM private key.
 *
 * <p>Why PEM files: they are what certificate authorities and tools such as certbot hand
 * out, and Vert.x reads them directly; no key store to build. Only the chat port uses TLS;
 * {@code /health} and {@code /metrics} stay plain HTTP on their own (loopback) interface.
 *
 * @param certificate the server certificate, optionally followed by its chain
 * @param privateKey  the private key of the certificate (PKCS#8 or PKCS#1)
 */
public record ServerTls(Path certificate, Path privateKey) {

  /** Adds TLS to {@code options}. */
  public NetServerOptions applyTo(NetServerOptions options) {
    return options.setSsl(true).setKeyCertOptions(new PemKeyCertOptions()
        .setCertPath(certificate.toString()).setKeyPath(privateKey.toString()));
  }

  /** Fails with a message naming the file when one of them cannot be read. */
  public ServerTls requireReadable() {
    for (Path file : new Path[] {certificate, privateKey}) {
      if (!Files.isReadable(file)) {
        throw new IllegalArgumentException("cannot read TLS file " + file);
      }
    }
    return this;
  }
}
