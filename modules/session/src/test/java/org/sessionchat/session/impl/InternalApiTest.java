package org.sessionchat.session.impl;

import org.junit.jupiter.api.Test;
import org.sessionchat.session.testkit.InternalApiRule;

/**
 * Vert.x's internal API is reached from one adapter only, {@link VertxInternals}, and
 * Hazelcast's from {@link HazelcastInternals} (nested classes included).
 */
class InternalApiTest {

  @Test
  void onlyVertxInternalsUsesVertxInternalApi() {
    InternalApiRule.onlyIn(VertxInternals.class, "org.sessionchat.session");
  }

  @Test
  void onlyHazelcastInternalsUsesHazelcastInternalApi() {
    InternalApiRule.hazelcastOnlyIn(HazelcastInternals.class, "org.sessionchat.session");
  }
}
