package org.sessionchat.chat;

import java.util.Map;
import org.sessionchat.session.ClusterOptions;
import org.sessionchat.session.SessionRuntimeOptions;
import org.sessionchat.session.security.ClusterTls;
import org.sessionchat.session.security.NodeCredentials;
import org.sessionchat.session.security.SenderBinding;

/**
 * A node's cluster identity as the command line gave it: the TLS files and what they hold.
 *
 * <p>Why one value: the same identity turns on TLS for the event bus, is announced to the
 * other members (its certificate) and binds the node's envelopes to it; giving it to each
 * place separately would let them disagree.
 *
 * @param tls         the PEM files
 * @param credentials the certificate, key and CA loaded from them (already checked)
 */
record ClusterTrust(ClusterTls tls, NodeCredentials credentials) {

  /** The cluster options with this node's certificate announced to the other members. */
  ClusterOptions announcedIn(ClusterOptions options) {
    return options.withMemberAttributes(
        Map.of(SenderBinding.CERTIFICATE_ATTRIBUTE, SenderBinding.announce(credentials)));
  }

  /** The runtime options with envelopes bound to their sender. */
  SessionRuntimeOptions bindingSenders(SessionRuntimeOptions options) {
    return options.withClusterCredentials(credentials);
  }
}
