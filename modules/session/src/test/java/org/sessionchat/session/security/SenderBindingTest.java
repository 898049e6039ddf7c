package org.sessionchat.session.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sessionchat.session.security.SenderBinding.Verdict;
import org.sessionchat.session.testkit.TestCertificates;

/** Tags between real certificates of one CA: only the claimed sender's tag passes, and only at its receiver. */
class SenderBindingTest {

  @TempDir
  static Path dir;
  private static final Map<String, String> announced = new HashMap<>();
  private static final Map<String, SenderBinding> nodes = new HashMap<>();

  @BeforeAll
  static void cluster() throws Exception {
    TestCertificates ours = TestCertificates.local(dir.resolve("ours"), 3);
    TestCertificates theirs = TestCertificates.local(dir.resolve("theirs"), 1);
    for (String name : new String[] {"node1", "node2", "node3"}) {
      NodeCredentials credentials = ours.tls(name).load();
      announced.put("id-" + name, SenderBinding.announce(credentials));
      nodes.put(name, new SenderBinding(credentials, "id-" + name, id -> Optional.ofNullable(announced.get(id))));
    }
    announced.put("id-stranger", SenderBinding.announce(theirs.tls("node1").load()));
  }

  @Test
  void aTagFromTheClaimedNodePassesAtItsReceiver() {
    String tag = nodes.get("node1").tagFor("id-node2");
    assertThat(nodes.get("node2").check("id-node1", tag)).isEqualTo(Verdict.ACCEPTED);
    assertThat(nodes.get("node1").check("id-node1", nodes.get("node1").tagFor("id-node1")))
        .as("a node's envelopes to itself carry its own tag").isEqualTo(Verdict.ACCEPTED);
  }

  @Test
  void aMemberCannotClaimAnotherMembersActors() {
    SenderBinding node2 = nodes.get("node2");
    long before = node2.refused();
    // node3 sends with its own tag but claims a sender on node1
    assertThat(node2.check("id-node1", nodes.get("node3").tagFor("id-node2"))).isEqualTo(Verdict.FORGED);
    // node3 replays the tag node1 uses towards node3
    assertThat(node2.check("id-node1", nodes.get("node1").tagFor("id-node3"))).isEqualTo(Verdict.FORGED);
    assertThat(node2.check("id-node1", null)).isEqualTo(Verdict.MISSING);
    assertThat(node2.check("id-node1", "not base64!")).isEqualTo(Verdict.FORGED);
    assertThat(node2.refused() - before).isEqualTo(4);
  }

  @Test
  void nodesWithoutACertificateOfTheCaHaveNoTags() {
    assertThat(nodes.get("node2").check("id-nobody", "AAAA")).isEqualTo(Verdict.UNKNOWN_NODE);
    assertThat(nodes.get("node2").check("id-stranger", "AAAA")).isEqualTo(Verdict.UNKNOWN_NODE);
    assertThat(nodes.get("node2").tagFor("id-stranger")).isNull();
  }
}
