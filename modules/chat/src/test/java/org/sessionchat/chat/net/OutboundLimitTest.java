package org.sessionchat.chat.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.Channel;
import io.netty.channel.SingleThreadEventLoop;
import io.vertx.core.Context;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.internal.net.NetSocketInternal;
import io.vertx.core.net.NetServer;
import java.net.InetSocketAddress;
import java.net.Socket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sessionchat.chat.actor.ClientEvent;
import org.sessionchat.chat.limits.ConnectionGuard;
import org.sessionchat.chat.limits.Disconnect;
import org.sessionchat.chat.limits.LimitCounters;
import org.sessionchat.chat.testing.LimitsBuilder;
import org.sessionchat.session.testkit.ClusteredVertxNodes;
import org.sessionchat.session.testkit.FreePorts;

/**
 * A client that does not read is cut off at the first line it is handed once more than
 * {@code --max-outbound} bytes wait for it, not some writes later: the limit is the bytes the
 * socket holds.
 */
class OutboundLimitTest {

  private static final int MAX_OUTBOUND = 16 * 1024;
  private static final String TEXT = "ann:" + "x".repeat(500);

  private Vertx vertx;
  private final LimitCounters counters = new LimitCounters();
  private volatile LineConnection connection;
  private volatile Channel channel;
  private volatile Context socketContext;
  private Socket neverReads;

  @BeforeEach
  void connect() throws Exception {
    vertx = Vertx.vertx();
    Promise<Void> accepted = Promise.promise();
    NetServer server = vertx.createNetServer().connectHandler(socket -> {
      socketContext = Vertx.currentContext();
      channel = ((NetSocketInternal) socket).channelHandlerContext().channel();
      connection = new LineConnection(socket, 1024,
          new ConnectionGuard(LimitsBuilder.limits().maxOutboundBytes(MAX_OUTBOUND).build(), counters),
          new BroadcastLines());
      accepted.complete();
    });
    ClusteredVertxNodes.await(server.listen(FreePorts.next(), "127.0.0.1"), 10);
    neverReads = new Socket();
    neverReads.setReceiveBufferSize(4096);
    neverReads.connect(new InetSocketAddress("127.0.0.1", server.actualPort()));
    ClusteredVertxNodes.await(accepted.future(), 10);
  }

  @AfterEach
  void close() throws Exception {
    neverReads.close();
    ClusteredVertxNodes.await(vertx.close(), 10);
  }

  @Test
  void theFirstLineHandedOnceTheLimitIsPassedDisconnects() {
    int turns = 0;
    while (aTurnOfLinesLeavesTheSocketWritable() && ++turns < 10_000) {
      assertThat(counters.disconnects(Disconnect.SLOW_CONSUMER)).isZero();
    }
    assertThat(channel.isWritable()).as("the client's kernel buffers and the limit filled").isFalse();
    assertThat(counters.disconnects(Disconnect.SLOW_CONSUMER)).isZero();

    onSocketContext(() -> {
      connection.deliver(new ClientEvent.Message("deck", TEXT));
      return true;
    });

    assertThat(counters.disconnects(Disconnect.SLOW_CONSUMER)).isEqualTo(1);
  }

  /** A few lines in one turn; true if the socket takes more once they are written (seen after the turn's writes). */
  private boolean aTurnOfLinesLeavesTheSocketWritable() {
    Promise<Boolean> writable = Promise.promise();
    socketContext.runOnContext(v -> {
      for (int i = 0; i < 4; i++) {
        connection.deliver(new ClientEvent.Message("deck", TEXT));
      }
      ((SingleThreadEventLoop) channel.eventLoop()).executeAfterEventLoopIteration(
          () -> writable.complete(channel.isWritable()));
    });
    return ClusteredVertxNodes.await(writable.future(), 10);
  }

  private boolean onSocketContext(java.util.function.BooleanSupplier action) {
    Promise<Boolean> done = Promise.promise();
    socketContext.runOnContext(v -> done.complete(action.getAsBoolean()));
    return ClusteredVertxNodes.await(done.future(), 10);
  }
}
