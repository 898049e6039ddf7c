package org.sessionchat.session.security;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import java.util.Optional;
import java.util.function.Function;

/**
 * The certificate each Vert.x node announced when its Hazelcast member joined.
 *
 * <p>Why member attributes: a member sets them itself at join time and Hazelcast hands them
 * to every other member with the member list; a data structure (a map) could be rewritten by
 * any member later. The certificate is still checked against the cluster CA before use.
 */
public final class MemberCertificates implements Function<String, Optional<String>> {

  private static final String NODE_ID_ATTRIBUTE = "__vertx.nodeId";

  private final HazelcastInstance hazelcast;

  public MemberCertificates(HazelcastInstance hazelcast) {
    this.hazelcast = hazelcast;
  }

  /** The announced certificate of the member whose Vert.x node id is {@code nodeId}; empty if none. */
  @Override
  public Optional<String> apply(String nodeId) {
    for (Member member : hazelcast.getCluster().getMembers()) {
      if (nodeId.equals(member.getAttribute(NODE_ID_ATTRIBUTE))) {
        return Optional.ofNullable(member.getAttribute(SenderBinding.CERTIFICATE_ATTRIBUTE));
      }
    }
    return Optional.empty();
  }
}
