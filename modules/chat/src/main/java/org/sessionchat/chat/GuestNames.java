package org.sessionchat.chat;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.shareddata.Counter;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.sessionchat.chat.wire.Names;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Guest names, unique in the cluster: {@code guest-<n>} with {@code n} from one cluster-wide
 * counter ({@value #COUNTER}, Vert.x shared data; on Hazelcast an entry of a map changed by
 * an entry processor, so two nodes never draw the same number, and it survives the death of
 * any one node like the room registry does).
 *
 * <p>Why not a counter per node: every node would have its own {@code guest-1}, so after a
 * fail-over "guest-1" in a room could be a different person. Why not node-qualified names
 * always: a restarted node would count from 1 again, and a name such as
 * {@code guest-3.node1} says little to a person. The node-qualified form is the fallback
 * only: when the counter does not answer within {@value #TIMEOUT_MILLIS} ms (the cluster
 * is partitioned, or still moving the counter after a node died), the client gets
 * {@code guest-<node>.<n>} from a local counter at once; that form contains a {@code .},
 * which counter names never do, so the two cannot collide.
 */
public final class GuestNames {

  /** The shared counter's name. */
  public static final String COUNTER = "sessionchat.guests";
  static final long TIMEOUT_MILLIS = 2_000;

  private static final Logger log = LoggerFactory.getLogger(GuestNames.class);

  private final Supplier<Future<Long>> increment;
  private final AtomicLong local = new AtomicLong();

  /**
   * Names drawn from {@code vertx}'s shared counter (cluster-wide when {@code vertx} is
   * clustered). The counter is looked up once, here: on Hazelcast the look-up itself writes
   * the map synchronously (Vert.x's {@code getCounter} blocks its caller), which must not
   * happen on an event loop per connection; {@code incrementAndGet} is asynchronous.
   */
  public GuestNames(Vertx vertx) {
    this(new SharedCounter(vertx));
  }

  /**
   * The shared counter, looked up again only after a failed look-up. Once found it is asked
   * directly, so that its answer comes on the caller's context, not the look-up's.
   */
  private static final class SharedCounter implements Supplier<Future<Long>> {
    private final Vertx vertx;
    private Future<Counter> counter;

    SharedCounter(Vertx vertx) {
      this.vertx = vertx;
      this.counter = lookUp();
    }

    private Future<Counter> lookUp() {
      return vertx.sharedData().getCounter(COUNTER);
    }

    @Override
    public synchronized Future<Long> get() {
      if (counter.failed()) {
        counter = lookUp();
      }
      return counter.succeeded() ? counter.result().incrementAndGet() : counter.compose(Counter::incrementAndGet);
    }
  }

  GuestNames(Supplier<Future<Long>> increment) {
    this.increment = increment;
  }

  /**
   * The next guest name for a client of node {@code nodeName} (the name is used only by the
   * fallback); never fails (see the class comment). Called on a context, the name comes on
   * that context: its callers (a connection, the nick server) go on with their own state.
   */
  public Future<String> next(String nodeName) {
    Context caller = Vertx.currentContext();
    Future<Long> drawn;
    try {
      drawn = increment.get();
    } catch (RuntimeException e) {
      drawn = Future.failedFuture(e);
    }
    Future<String> named = drawn.timeout(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)
        .map(n -> "guest-" + n)
        .recover(failure -> {
          String name = fallback(nodeName);
          log.warn("Guest name counter unavailable ({}); named a guest {}", failure.getMessage(), name);
          return Future.succeededFuture(name);
        });
    return caller == null ? named : on(caller, named);
  }

  /** {@code result}, its listeners run on {@code context} whichever thread completes it. */
  private static <T> Future<T> on(Context context, Future<T> result) {
    Promise<T> there = Promise.promise();
    result.onComplete(done -> {
      if (Vertx.currentContext() == context) {
        there.handle(done);
      } else {
        context.runOnContext(hop -> there.handle(done));
      }
    });
    return there.future();
  }

  private String fallback(String nodeName) {
    String suffix = "." + local.incrementAndGet();
    String prefix = "guest-" + nodeName.replaceAll("[^A-Za-z0-9_-]", "_");
    return prefix.substring(0, Math.min(prefix.length(), Names.MAX_LENGTH - suffix.length())) + suffix;
  }
}
