package org.sessionchat.session.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Binds every envelope to the node that sent it: the sender adds a tag only it (and the
 * receiver) can compute, and the receiver accepts an envelope that claims a sender actor on
 * node N only with N's tag.
 *
 * <p>Why tags and not the connection: a clustered Vert.x message does not say which
 * connection it came over; the node id in it is whatever the sending process wrote.
 * TLS proves only "some holder of a cluster certificate". The tag closes the gap: for each
 * pair of nodes, both derive the same secret by ECDH from one's private key and the other's
 * certificate (which the other announces as a Hazelcast member attribute and which must be
 * signed by the cluster CA), and the tag is an HMAC of "from N to B" under that secret. A
 * member M knows the tags N uses towards M, never those towards B, and TLS keeps the latter
 * off the wire; so M cannot speak for N's actors. A tag is one header per envelope and one
 * string comparison at the receiver; the ECDH runs once per peer.
 */
public final class SenderBinding {

  /** The message header that carries the tag. */
  public static final String HEADER = "sc-sender";
  /** The Hazelcast member attribute with the member's certificate (base64 DER). */
  public static final String CERTIFICATE_ATTRIBUTE = "sessionchat.cert";

  /** What the receiver made of an envelope's tag. */
  public enum Verdict {
    /** The tag is the claimed node's. */
    ACCEPTED,
    /** The envelope has no tag. */
    MISSING,
    /** The tag is not the claimed node's: another member sent it. */
    FORGED,
    /** The claimed node announced no certificate of the cluster CA (or is gone). */
    UNKNOWN_NODE
  }

  private static final Logger LOG = LoggerFactory.getLogger(SenderBinding.class);
  private static final byte[] KEY_LABEL = "session-chat sender binding v1".getBytes(StandardCharsets.US_ASCII);
  private static final int TAG_BYTES = 16;

  private final NodeCredentials credentials;
  private final ECPrivateKey privateKey;
  private final String selfId;
  private final Function<String, Optional<String>> announcedCertificates;
  private final Map<String, String> outgoing = new ConcurrentHashMap<>();
  private final Map<String, Optional<byte[]>> incoming = new ConcurrentHashMap<>();
  private final AtomicLong refused = new AtomicLong();

  /**
   * @param credentials           this node's certificate, key and CA
   * @param selfId                this node's Vert.x node id
   * @param announcedCertificates the {@link #CERTIFICATE_ATTRIBUTE} a node id announced, if any
   */
  public SenderBinding(NodeCredentials credentials, String selfId,
      Function<String, Optional<String>> announcedCertificates) throws ClusterTlsException {
    this.credentials = credentials;
    this.privateKey = credentials.ecPrivateKey();
    this.selfId = selfId;
    this.announcedCertificates = announcedCertificates;
  }

  /** The attribute value this node announces: its certificate. */
  public static String announce(NodeCredentials credentials) {
    try {
      return Base64.getEncoder().encodeToString(credentials.certificate().getEncoded());
    } catch (java.security.cert.CertificateEncodingException e) {
      throw new IllegalStateException("cannot encode the node's own certificate", e);
    }
  }

  /** The tag to put on envelopes for {@code targetNode}; null if that node has no usable certificate. */
  public String tagFor(String targetNode) {
    String tag = outgoing.get(targetNode);
    if (tag == null) {
      tag = secretWith(targetNode).map(secret -> encode(tag(secret, selfId, targetNode))).orElse(null);
      if (tag != null) {
        outgoing.put(targetNode, tag);
      }
    }
    return tag;
  }

  /** Checks that {@code tag} came from {@code claimedNode}; counts and logs what it refuses. */
  public Verdict check(String claimedNode, String tag) {
    Verdict verdict = verdict(claimedNode, tag);
    if (verdict != Verdict.ACCEPTED) {
      long count = refused.incrementAndGet();
      if (Long.bitCount(count) == 1) {
        LOG.warn("refused an envelope claiming a sender on node {}: {} ({} refused so far)", claimedNode,
            describe(verdict), count);
      }
    }
    return verdict;
  }

  /** Envelopes refused so far. */
  public long refused() {
    return refused.get();
  }

  /** Drops what is kept for a node: call when it joins (its certificate is announced then) and when it leaves. */
  public void forget(String nodeId) {
    outgoing.remove(nodeId);
    incoming.remove(nodeId);
  }

  private Verdict verdict(String claimedNode, String tag) {
    if (tag == null) {
      return Verdict.MISSING;
    }
    Optional<byte[]> expected = incoming.get(claimedNode);
    if (expected == null) {
      // Only members are remembered (a bounded set), with or without a usable certificate;
      // a made-up node id costs one look at the member list and nothing more.
      Optional<String> announced = announcedCertificates.apply(claimedNode);
      if (announced.isEmpty()) {
        return Verdict.UNKNOWN_NODE;
      }
      expected = secretFrom(claimedNode, announced.get()).map(secret -> tag(secret, claimedNode, selfId));
      incoming.put(claimedNode, expected);
    }
    if (expected.isEmpty()) {
      return Verdict.UNKNOWN_NODE;
    }
    byte[] given;
    try {
      given = Base64.getDecoder().decode(tag);
    } catch (IllegalArgumentException e) {
      return Verdict.FORGED;
    }
    return MessageDigest.isEqual(expected.get(), given) ? Verdict.ACCEPTED : Verdict.FORGED;
  }

  private static String describe(Verdict verdict) {
    return switch (verdict) {
      case MISSING -> "it carries no sender tag";
      case FORGED -> "its sender tag is not that node's (another member sent it)";
      case UNKNOWN_NODE -> "that node announced no certificate of the cluster CA";
      case ACCEPTED -> "accepted";
    };
  }

  /** The pairwise secret with {@code nodeId}, from its announced certificate; empty if it has none we trust. */
  private Optional<byte[]> secretWith(String nodeId) {
    return announcedCertificates.apply(nodeId).flatMap(announced -> secretFrom(nodeId, announced));
  }

  private Optional<byte[]> secretFrom(String nodeId, String announced) {
    Optional<X509Certificate> certificate = trusted(announced);
    if (certificate.isEmpty()) {
      return Optional.empty();
    }
    PublicKey peerKey = certificate.get().getPublicKey();
    if (!(peerKey instanceof ECPublicKey)) {
      LOG.warn("node {} announced a {} certificate; sender binding needs EC keys", nodeId, peerKey.getAlgorithm());
      return Optional.empty();
    }
    try {
      KeyAgreement agreement = KeyAgreement.getInstance("ECDH");
      agreement.init(privateKey);
      agreement.doPhase(peerKey, true);
      byte[] shared = agreement.generateSecret();
      Mac extract = Mac.getInstance("HmacSHA256");
      extract.init(new SecretKeySpec(KEY_LABEL, "HmacSHA256"));
      byte[] secret = extract.doFinal(shared);
      Arrays.fill(shared, (byte) 0);
      return Optional.of(secret);
    } catch (GeneralSecurityException e) {
      LOG.warn("no sender-binding key with node {}: {}", nodeId, e.getMessage());
      return Optional.empty();
    }
  }

  private Optional<X509Certificate> trusted(String announced) {
    try {
      byte[] der = Base64.getDecoder().decode(announced);
      X509Certificate certificate = (X509Certificate) java.security.cert.CertificateFactory.getInstance("X.509")
          .generateCertificate(new java.io.ByteArrayInputStream(der));
      credentials.verifyPeer(new X509Certificate[] {certificate});
      return Optional.of(certificate);
    } catch (IllegalArgumentException | GeneralSecurityException e) {
      LOG.warn("a member announced a certificate that is not the cluster CA's: {}", e.getMessage());
      return Optional.empty();
    }
  }

  private static byte[] tag(byte[] secret, String from, String to) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      byte[] full = mac.doFinal((from + "\n" + to).getBytes(StandardCharsets.UTF_8));
      return Arrays.copyOf(full, TAG_BYTES);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
    }
  }

  private static String encode(byte[] tag) {
    return Base64.getEncoder().encodeToString(tag);
  }
}
