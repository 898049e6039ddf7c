package org.sessionchat.session.security;

import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastInstance;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.spi.cluster.ClusterManager;
import io.vertx.core.spi.cluster.NodeInfo;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLHandshakeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens one TLS connection to the event bus of every member that joins the Hazelcast cluster
 * and logs one line for each member that fails the handshake.
 *
 * <p>Why: Hazelcast's open-source edition lets any process that knows the cluster name join,
 * with or without the cluster's certificates; such a member is then in the cluster but every
 * event-bus connection to or from it fails in the TLS handshake, which Vert.x reports on the
 * stranger's side only. This check tells the operator of the legitimate nodes, once per
 * member, which member it is and why it is cut off.
 */
public final class PeerCertificateCheck implements MembershipListener, AutoCloseable {

  /** Why a member failed the check. */
  public enum Failure {
    /** Its certificate is not signed by a CA this node trusts (or has expired). */
    UNTRUSTED_CERTIFICATE,
    /** It refused this node's certificate: it trusts another CA. */
    REFUSED_OUR_CERTIFICATE,
    /** Its event bus does not answer a TLS handshake: it speaks plain TCP. */
    NO_TLS,
    /** Its event bus could not be reached or never announced itself. */
    UNREACHABLE
  }

  private static final Logger LOG = LoggerFactory.getLogger(PeerCertificateCheck.class);
  private static final String NODE_ID_ATTRIBUTE = "__vertx.nodeId";
  private static final int CONNECT_TIMEOUT_MS = 15_000;
  /** A joining member's event bus starts after its Hazelcast member: up to a minute on a busy machine. */
  private static final int ATTEMPTS = 120;
  private static final long RETRY_MS = 500;
  /** How long a connection must stay open after the handshake to count as accepted. */
  private static final long SETTLE_MS = 2_000;

  private final Vertx vertx;
  private final ClusterManager clusterManager;
  private final HazelcastInstance hazelcast;
  private final NetClient client;
  private final Map<String, Optional<Failure>> results = new ConcurrentHashMap<>();
  private UUID registration;
  private volatile boolean closed;

  private PeerCertificateCheck(Vertx vertx, HazelcastClusterManager clusterManager, NetClientOptions options) {
    this.vertx = vertx;
    this.clusterManager = clusterManager;
    this.hazelcast = clusterManager.getHazelcastInstance();
    this.client = vertx.createNetClient(options);
  }

  /**
   * Checks every member now in the cluster of {@code vertx}, and each one that joins later.
   *
   * @param hazelcastManager the cluster manager {@code vertx} was built with
   */
  public static PeerCertificateCheck start(Vertx vertx, HazelcastClusterManager hazelcastManager, ClusterTls tls) {
    NetClientOptions options = new NetClientOptions(tls.applyTo(new io.vertx.core.eventbus.EventBusOptions()).toJson())
        .setHostnameVerificationAlgorithm("")
        .setConnectTimeout(CONNECT_TIMEOUT_MS)
        .setReconnectAttempts(0);
    PeerCertificateCheck check = new PeerCertificateCheck(vertx, hazelcastManager, options);
    check.registration = check.hazelcast.getCluster().addMembershipListener(check);
    for (Member member : check.hazelcast.getCluster().getMembers()) {
      if (!member.localMember()) {
        check.check(member);
      }
    }
    return check;
  }

  /** The outcome for a node id: empty while unchecked, {@code Optional.empty()} inside when it passed. */
  public Optional<Optional<Failure>> result(String nodeId) {
    return Optional.ofNullable(results.get(nodeId));
  }

  @Override
  public void memberAdded(MembershipEvent event) {
    check(event.getMember());
  }

  @Override
  public void memberRemoved(MembershipEvent event) {
    String nodeId = event.getMember().getAttribute(NODE_ID_ATTRIBUTE);
    if (nodeId != null) {
      results.remove(nodeId);
    }
  }

  private void check(Member member) {
    String nodeId = member.getAttribute(NODE_ID_ATTRIBUTE);
    if (nodeId == null) {
      return;
    }
    nodeInfo(nodeId, ATTEMPTS)
        .compose(info -> handshake(nodeId, info))
        .onComplete(outcome -> {
          if (closed) {
            return; // this node is stopping: its own connections fail, which says nothing about the peer
          }
          if (outcome.succeeded()) {
            results.put(nodeId, Optional.empty());
            LOG.debug("Event bus of node {} ({}) passed the TLS check", nodeId, member.getAddress());
          } else {
            Failure failure = classify(outcome.cause());
            results.put(nodeId, Optional.of(failure));
            LOG.warn("Node {} ({}) is in the Hazelcast cluster but not on the event bus: {} ({});"
                + " no envelopes go to or come from it", nodeId, member.getAddress(), describe(failure),
                rootMessage(outcome.cause()));
          }
        });
  }

  /** The member's event-bus address; it appears once the member's event bus has started. */
  private Future<NodeInfo> nodeInfo(String nodeId, int attemptsLeft) {
    Promise<NodeInfo> lookup = Promise.promise();
    clusterManager.getNodeInfo(nodeId, lookup);
    return lookup.future().transform(found -> {
      if (found.succeeded() && found.result() != null) {
        return Future.succeededFuture(found.result());
      }
      if (attemptsLeft <= 1) {
        return Future.failedFuture(new UnreachableException("no event-bus address announced within a minute"));
      }
      Promise<NodeInfo> retry = Promise.promise();
      vertx.setTimer(RETRY_MS, t -> nodeInfo(nodeId, attemptsLeft - 1).onComplete(retry));
      return retry.future();
    });
  }

  private Future<Void> handshake(String nodeId, NodeInfo info) {
    return client.connect(info.port(), info.host()).compose(socket -> {
      // A server that refuses our certificate may still finish its side of a TLS 1.3 handshake
      // and close right after: wait for the first sign of life or the close.
      Promise<Void> verdict = Promise.promise();
      socket.closeHandler(v -> verdict.tryFail(new RefusedException("closed the connection after the handshake")));
      socket.exceptionHandler(verdict::tryFail);
      vertx.setTimer(SETTLE_MS, t -> {
        verdict.tryComplete();
        socket.close();
      });
      return verdict.future();
    });
  }

  private static Failure classify(Throwable failure) {
    if (failure instanceof UnreachableException) {
      return Failure.UNREACHABLE;
    }
    if (failure instanceof RefusedException) {
      return Failure.REFUSED_OUR_CERTIFICATE;
    }
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof java.nio.channels.ClosedChannelException) {
        return Failure.REFUSED_OUR_CERTIFICATE; // the peer hung up in the handshake
      }
      if (cause instanceof CertPathBuilderException || cause instanceof CertPathValidatorException) {
        return Failure.UNTRUSTED_CERTIFICATE;
      }
      String message = String.valueOf(cause.getMessage());
      if (message.contains("certificate_unknown") || message.contains("bad_certificate")
          || message.contains("unknown_ca") || message.contains("certificate_required")) {
        return Failure.REFUSED_OUR_CERTIFICATE;
      }
      if (message.contains("not an SSL/TLS record") || message.contains("Unsupported or unrecognized SSL message")
          || message.contains("handshake timed out")) {
        return Failure.NO_TLS;
      }
    }
    return failure instanceof SSLHandshakeException ? Failure.UNTRUSTED_CERTIFICATE : Failure.UNREACHABLE;
  }

  private static String rootMessage(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    if (root instanceof java.nio.channels.ClosedChannelException) {
      return "the connection was closed during the handshake";
    }
    return root.getMessage() == null ? "no detail" : root.getMessage();
  }

  private static String describe(Failure failure) {
    return switch (failure) {
      case UNTRUSTED_CERTIFICATE -> "its certificate is not signed by the cluster CA";
      case REFUSED_OUR_CERTIFICATE -> "it refuses this node's certificate (it trusts another CA)";
      case NO_TLS -> "its event bus does not answer a TLS handshake (no TLS)";
      case UNREACHABLE -> "its event bus cannot be reached";
    };
  }

  /** Stops checking; call before the Vert.x instance closes, or its closing connections look like failed checks. */
  @Override
  public void close() {
    closed = true;
    try {
      hazelcast.getCluster().removeMembershipListener(registration);
    } catch (RuntimeException e) {
      // Hazelcast already shut down
    }
    client.close();
  }

  private static final class UnreachableException extends Exception {
    private static final long serialVersionUID = 1L;

    UnreachableException(String message) {
      super(message, null, false, false);
    }
  }

  private static final class RefusedException extends Exception {
    private static final long serialVersionUID = 1L;

    RefusedException(String message) {
      super(message, null, false, false);
    }
  }
}
