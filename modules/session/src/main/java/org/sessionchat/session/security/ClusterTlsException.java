package org.sessionchat.session.security;

/**
 * The node's cluster certificate, key or CA cannot be used; {@link #reason()} says why.
 *
 * <p>Why a start-up check of our own: without it a node with a wrong file would join
 * Hazelcast and only fail later, message by message, on the event bus. With it the node
 * refuses to start with one line naming the file.
 */
public final class ClusterTlsException extends Exception {

  private static final long serialVersionUID = 1L;

  /** What is wrong with the files. */
  public enum Reason {
    /** A file cannot be read. */
    UNREADABLE,
    /** A file holds no PEM certificate or key of a supported kind. */
    NOT_PEM,
    /** The private key does not belong to the certificate. */
    KEY_MISMATCH,
    /** The certificate is not signed by a CA of the trust file, or has expired. */
    UNTRUSTED,
    /** The key is not an elliptic-curve key (sender binding derives pairwise keys by ECDH). */
    NOT_EC
  }

  private final Reason reason;

  public ClusterTlsException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public ClusterTlsException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
