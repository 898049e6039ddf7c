package org.sessionchat.session.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sessionchat.session.security.ClusterTlsException.Reason;
import org.sessionchat.session.testkit.TestCertificates;

/** The start-up check of a node's cluster files: each kind of mistake has its reason and names the file. */
class NodeCredentialsTest {

  @TempDir
  static Path dir;
  private static TestCertificates ours;
  private static TestCertificates theirs;

  @BeforeAll
  static void certificates() {
    ours = TestCertificates.local(dir.resolve("ours"), 2);
    theirs = TestCertificates.local(dir.resolve("theirs"), 1);
  }

  @Test
  void filesFromScriptsClusterCertsFitTogether() throws Exception {
    NodeCredentials credentials = ours.tls("node1").load();
    assertThat(credentials.name()).isEqualTo("CN=node1");
    assertThat(credentials.ecPrivateKey().getParams().getCurve().getField().getFieldSize()).isEqualTo(256);
    assertThat(credentials.authorities()).hasSize(1);
  }

  @Test
  void aKeyOfAnotherCertificateIsAMismatch() {
    ClusterTls swapped = new ClusterTls(ours.tls("node1").certificate(), ours.tls("node2").privateKey(),
        ours.tls("node1").authority());
    assertThatThrownBy(swapped::load).isInstanceOfSatisfying(ClusterTlsException.class,
        e -> assertThat(e.reason()).isEqualTo(Reason.KEY_MISMATCH));
  }

  @Test
  void aCertificateOfAnotherCaIsUntrusted() {
    ClusterTls foreign = new ClusterTls(theirs.tls("node1").certificate(), theirs.tls("node1").privateKey(),
        ours.tls("node1").authority());
    assertThatThrownBy(foreign::load).isInstanceOfSatisfying(ClusterTlsException.class, e -> {
      assertThat(e.reason()).isEqualTo(Reason.UNTRUSTED);
      assertThat(e.getMessage()).contains("CN=node1").contains(ours.tls("node1").authority().toString());
    });
  }

  @Test
  void aTrustFileWithBothCasAcceptsBoth() throws Exception {
    Path both = dir.resolve("both-ca.pem");
    Files.writeString(both, Files.readString(ours.tls("node1").authority()) + Files.readString(theirs.tls("node1").authority()));
    assertThat(new ClusterTls(theirs.tls("node1").certificate(), theirs.tls("node1").privateKey(), both).load()
        .authorities()).hasSize(2);
    assertThat(new ClusterTls(ours.tls("node2").certificate(), ours.tls("node2").privateKey(), both).load().name())
        .isEqualTo("CN=node2");
  }

  @Test
  void missingAndGarbageFilesSayWhichFile() throws Exception {
    Path garbage = Files.writeString(dir.resolve("garbage.pem"), "not a certificate\n");
    ClusterTls missing = new ClusterTls(dir.resolve("nope.pem"), ours.tls("node1").privateKey(), ours.tls("node1").authority());
    ClusterTls notPem = new ClusterTls(ours.tls("node1").certificate(), garbage, ours.tls("node1").authority());
    assertThatThrownBy(missing::load).isInstanceOfSatisfying(ClusterTlsException.class, e -> {
      assertThat(e.reason()).isEqualTo(Reason.UNREADABLE);
      assertThat(e.getMessage()).contains("nope.pem");
    });
    assertThatThrownBy(notPem::load).isInstanceOfSatisfying(ClusterTlsException.class, e -> {
      assertThat(e.reason()).isEqualTo(Reason.NOT_PEM);
      assertThat(e.getMessage()).contains("garbage.pem");
    });
  }
}
