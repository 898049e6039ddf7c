package org.sessionchat.chat.net;

import org.junit.jupiter.api.Test;
import org.sessionchat.session.testkit.InternalApiRule;

/** Vert.x's internal API is reached from one adapter only, {@link VertxInternals} (nested classes included). */
class InternalApiTest {

  @Test
  void onlyVertxInternalsUsesVertxInternalApi() {
    InternalApiRule.onlyIn(VertxInternals.class, "org.sessionchat.chat");
  }
}
