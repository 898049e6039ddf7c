package org.sessionchat.session.impl;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sessionchat.session.SessionRuntimeOptions;
import org.sessionchat.session.testkit.TestProtocols;

/**
 * A node has a batch consumer on every event loop of its Vert.x, however many loops it was
 * made with: an actor on a loop without one would get a broadcast's envelopes one by one.
 */
class BatchConsumersTest {

  @ParameterizedTest(name = "{0} event loops")
  @ValueSource(ints = {1, 2, 6})
  void aNodeHasOneBatchConsumerOnEachEventLoopItsVertxRuns(int loops) throws Exception {
    Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(loops));
    try {
      NodeRuntime node = NodeRuntime.start(vertx, new SessionRuntimeOptions(TestProtocols.library(),
          TestProtocols.roles(), true, Duration.ofSeconds(5))).await(10, TimeUnit.SECONDS);
      assertThat(node.eventLoops()).isEqualTo(loops);
      assertThat(node.batchConsumers()).as("event loops with a batch consumer").isEqualTo(loops);
      node.close().await(10, TimeUnit.SECONDS);
    } finally {
      vertx.close().await(10, TimeUnit.SECONDS);
    }
  }
}
