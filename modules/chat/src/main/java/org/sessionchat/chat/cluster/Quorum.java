package org.sessionchat.chat.cluster;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Whether this node's side of the cluster may create rooms: it sees at least {@code members}
 * cluster members (a majority of the cluster's planned size). 1 or less = always.
 *
 * <p>Why: during a network split both sides keep their rooms, but if both created the same
 * name one of the two rooms would have to be closed at the heal. So only a side with a
 * majority creates; the minority refuses CREATE and keeps serving what it hosts. The same
 * check tells a node that has just woken from a pause (SIGSTOP, a long GC) and still stands
 * alone that the others are about to take it back: a JOIN there waits for the merge (see
 * {@link #await}) instead of answering "no such room". Thread-safe.
 */
public final class Quorum {

  private static final long POLL_MILLIS = 100;

  private final int members;
  private final Supplier<Set<String>> liveNodes;

  /**
   * @param members   members a side needs; 1 or less = no quorum needed
   * @param liveNodes the cluster members this node sees now
   */
  public Quorum(int members, Supplier<Set<String>> liveNodes) {
    this.members = members;
    this.liveNodes = liveNodes;
  }

  /** No quorum needed (a single node, or tests of other things). */
  public static Quorum none() {
    return new Quorum(0, Set::of);
  }

  /** True if this side of the cluster has its quorum now. */
  public boolean present() {
    if (members <= 1) {
      return true;
    }
    try {
      return liveNodes.get().size() >= members;
    } catch (RuntimeException memberGone) { // Hazelcast shutting down
      return false;
    }
  }

  /** Completes with true once the quorum is there, or with false after {@code max}. */
  public Future<Boolean> await(Vertx vertx, Duration max) {
    if (present()) {
      return Future.succeededFuture(true);
    }
    Promise<Boolean> result = Promise.promise();
    long deadline = System.nanoTime() + max.toNanos();
    vertx.setPeriodic(POLL_MILLIS, timer -> {
      boolean there = present();
      if (there || System.nanoTime() > deadline) {
        vertx.cancelTimer(timer);
        result.tryComplete(there);
      }
    });
    return result.future();
  }

  /** Members a side needs (1 or less: none). */
  public int members() {
    return members;
  }
}
