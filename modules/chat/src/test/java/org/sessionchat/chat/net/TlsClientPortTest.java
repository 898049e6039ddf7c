package org.sessionchat.chat.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.net.SelfSignedCertificate;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sessionchat.chat.ChatServerNode;
import org.sessionchat.chat.limits.Limits;
import org.sessionchat.chat.testing.LocalChatNode;
import org.sessionchat.session.testkit.FreePorts;

/** {@code --tls-cert/--tls-key}: the client port speaks the same protocol inside TLS. */
class TlsClientPortTest {

  private final SelfSignedCertificate certificate = SelfSignedCertificate.create("localhost");
  private LocalChatNode node;

  @BeforeEach
  void start() {
    ServerTls tls = new ServerTls(Path.of(certificate.certificatePath()), Path.of(certificate.privateKeyPath()));
    node = LocalChatNode.start(Vertx.vertx(), true,
        new ChatServerNode.Settings("tls-node", "127.0.0.1", FreePorts.next(), 4096, Limits.NONE, tls));
  }

  @AfterEach
  void stop() throws Exception {
    try {
      node.close();
    } finally {
      certificate.delete();
    }
  }

  @Test
  void aClientThatTrustsTheCertificateChatsOverTls() throws Exception {
    try (SSLSocket socket = (SSLSocket) trusting(certificate).getSocketFactory().createSocket("127.0.0.1", node.port())) {
      socket.setSoTimeout(10_000);
      BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
      OutputStream out = socket.getOutputStream();
      assertThat(in.readLine()).startsWith("WELCOME:guest-").endsWith(":tls-node");
      out.write("PING:secure\n".getBytes(StandardCharsets.UTF_8));
      out.flush();
      assertThat(in.readLine()).isEqualTo("PONG:secure");
      assertThat(socket.getSession().getProtocol()).startsWith("TLS");
    }
  }

  private static SSLContext trusting(SelfSignedCertificate certificate) throws Exception {
    KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
    trusted.load(null, null);
    try (InputStream pem = Files.newInputStream(Path.of(certificate.certificatePath()))) {
      trusted.setCertificateEntry("node", CertificateFactory.getInstance("X.509").generateCertificate(pem));
    }
    TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(trusted);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trust.getTrustManagers(), null);
    return context;
  }
}
