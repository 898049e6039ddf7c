package org.sessionchat.session;

import java.time.Duration;
import java.util.Objects;
import org.sessionchat.scribble.ProtocolLibrary;
import org.sessionchat.session.security.NodeCredentials;

/**
 * What a {@link SessionRuntime} needs to start.
 *
 * @param protocols      the parsed protocols the monitors are built from
 * @param roles          which actor kind may play which roles
 * @param monitorEnabled false makes the monitors track but never refuse: every FSM is still
 *                       stepped (so sessions end and sub-sessions resume exactly as with the
 *                       monitor on), a message the FSM forbids is counted as
 *                       {@code violationsAllowed} and delivered anyway
 * @param setupTimeout   how long an invitation may go unanswered before set-up fails
 * @param clusterCredentials the node's cluster certificate and key (event-bus TLS), or null:
 *                       with them every envelope between nodes is bound to its sending node
 *                       ({@link org.sessionchat.session.security.SenderBinding}); the node's
 *                       Hazelcast member must announce the certificate
 *                       ({@link org.sessionchat.session.security.SenderBinding#announce})
 * @param hangDetection  how a clustered node judges a member that went silent (hung)
 */
public record SessionRuntimeOptions(ProtocolLibrary protocols, RoleConfig roles, boolean monitorEnabled,
    Duration setupTimeout, NodeCredentials clusterCredentials, HangDetection hangDetection) {

  /** The default {@link #setupTimeout()}. */
  public static final Duration DEFAULT_SETUP_TIMEOUT = Duration.ofSeconds(10);

  public SessionRuntimeOptions {
    Objects.requireNonNull(protocols, "protocols");
    Objects.requireNonNull(roles, "roles");
    Objects.requireNonNull(setupTimeout, "setupTimeout");
    Objects.requireNonNull(hangDetection, "hangDetection");
  }

  public SessionRuntimeOptions(ProtocolLibrary protocols, RoleConfig roles, boolean monitorEnabled,
      Duration setupTimeout, NodeCredentials clusterCredentials) {
    this(protocols, roles, monitorEnabled, setupTimeout, clusterCredentials, HangDetection.DEFAULT);
  }

  public SessionRuntimeOptions(ProtocolLibrary protocols, RoleConfig roles, boolean monitorEnabled,
      Duration setupTimeout) {
    this(protocols, roles, monitorEnabled, setupTimeout, null);
  }

  public SessionRuntimeOptions(ProtocolLibrary protocols, RoleConfig roles, boolean monitorEnabled) {
    this(protocols, roles, monitorEnabled, DEFAULT_SETUP_TIMEOUT);
  }

  /** These options with envelopes bound to their sender by {@code credentials}. */
  public SessionRuntimeOptions withClusterCredentials(NodeCredentials credentials) {
    return new SessionRuntimeOptions(protocols, roles, monitorEnabled, setupTimeout, credentials, hangDetection);
  }

  /** These options with silent members judged by {@code detection}. */
  public SessionRuntimeOptions withHangDetection(HangDetection detection) {
    return new SessionRuntimeOptions(protocols, roles, monitorEnabled, setupTimeout, clusterCredentials, detection);
  }
}
