package org.sessionchat.session.impl;

import io.netty.channel.EventLoop;
import io.vertx.core.Context;
import io.vertx.core.Deployable;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxException;
import io.vertx.core.impl.ContextBuilderImpl;
import io.vertx.core.internal.CloseFuture;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.internal.deployment.Deployment;
import io.vertx.core.internal.deployment.DeploymentContext;
import io.vertx.core.spi.cluster.ClusterManager;
import java.util.Set;

/**
 * The one place the runtime reaches into Vert.x's internal API.
 *
 * <p>Why it is needed at all: the public API of a clustered Vert.x does not expose its
 * cluster manager, and the runtime needs the Hazelcast instance behind it for the
 * membership events that drive {@code ParticipantOffline}, and the node id for routing; and
 * the public API cannot run code as code of another context on that context's thread,
 * which delivering a batch of envelopes to several actors of one event loop needs, nor
 * deploy a verticle on a chosen event loop, which placing an actor beside its socket needs.
 */
final class VertxInternals {

  private VertxInternals() {
  }

  /** How many event loops {@code vertx} runs (its {@code eventLoopPoolSize}), which the public API does not tell. */
  static int eventLoops(Vertx vertx) {
    int loops = 0;
    for (var ignored : ((VertxInternal) vertx).nettyEventLoopGroup()) {
      loops++;
    }
    return loops;
  }

  /**
   * Makes {@code context} the current context of the calling thread — what the event bus
   * does before it delivers to a consumer of that context — and returns the context that was
   * current, for {@link #restore}. Only on {@code context}'s own event-loop thread. A batch
   * consumer uses it to hand each envelope to its actor as if the actor's own consumer had
   * received it (no task per envelope). Entering one context after another without restoring
   * in between is what one dispatch after another does, less the restore in between: the
   * thread's current context is set once per envelope instead of twice.
   */
  static Context enter(Context context) {
    return ((ContextInternal) context).beginDispatch();
  }

  /** Ends what {@link #enter} began on {@code context}: {@code previous} is current again. */
  static void restore(Context context, Context previous) {
    ((ContextInternal) context).endDispatch((ContextInternal) previous);
  }

  /** What a dispatch does with a failure of the code it ran: {@code context}'s exception handler, else a log line. */
  static void reportException(Context context, Throwable failure) {
    ((ContextInternal) context).reportException(failure);
  }

  /** The cluster manager of a clustered {@code vertx}; null when it is not clustered. */
  static ClusterManager clusterManager(Vertx vertx) {
    return vertx.isClustered() ? ((VertxInternal) vertx).clusterManager() : null;
  }

  /**
   * Deploys {@code verticle}, one instance, on a new context of its own on {@code near}'s
   * event loop — what {@code deployVerticle} does, but on that loop instead of the next one
   * in turn. Deployed from a verticle's context it is a child deployment of that verticle,
   * as with {@code deployVerticle}.
   */
  static Future<String> deployOnEventLoopOf(Vertx vertx, Context near, Deployable verticle) {
    VertxInternal internal = (VertxInternal) vertx;
    ContextInternal calling = internal.getOrCreateContext();
    OneContextDeployment deployment = new OneContextDeployment(internal, ((ContextInternal) near).nettyEventLoop(),
        verticle);
    return internal.deploymentManager().deploy(calling.deployment(), calling, deployment).map(DeploymentContext::id);
  }

  /** A deployment of one verticle on a given event loop; stops as Vert.x's own deployments do. */
  private static final class OneContextDeployment implements Deployment {

    private final VertxInternal vertx;
    private final EventLoop eventLoop;
    private final Deployable verticle;
    private final ClassLoader classLoader = Thread.currentThread().getContextClassLoader();
    private final CloseFuture closeFuture = new CloseFuture();
    private volatile ContextInternal context;
    private volatile Promise<Object> starting;

    OneContextDeployment(VertxInternal vertx, EventLoop eventLoop, Deployable verticle) {
      this.vertx = vertx;
      this.eventLoop = eventLoop;
      this.verticle = verticle;
    }

    @Override
    public Set<Context> contexts() {
      ContextInternal started = context;
      return started == null ? Set.of() : Set.of(started);
    }

    @Override
    public Set<Deployable> instances() {
      return Set.of(verticle);
    }

    @Override
    public DeploymentOptions options() {
      return new DeploymentOptions();
    }

    @Override
    public String identifier() {
      return "java:" + verticle.getClass().getName();
    }

    @Override
    public Future<?> deploy(DeploymentContext deployment) {
      ContextInternal ctx = ((ContextBuilderImpl) vertx.contextBuilder())
          .withDeploymentContext(deployment)
          .withCloseFuture(closeFuture)
          .withEventLoop(eventLoop)
          .withClassLoader(classLoader)
          .build();
      context = ctx;
      Promise<Object> started = ctx.promise();
      starting = started;
      ctx.runOnContext(v -> {
        try {
          verticle.deploy(ctx).onComplete(started);
        } catch (Throwable t) {
          started.tryFail(t);
        }
      });
      return started.future().andThen(ar -> {
        if (ar.succeeded()) {
          starting = null;
        }
      }).transform(ar -> ar.succeeded() ? Future.succeededFuture() : undeploy().transform(ignored -> (Future<?>) ar));
    }

    @Override
    public Future<?> undeploy() {
      ContextInternal ctx = context;
      Promise<Object> stillStarting = starting;
      if (stillStarting != null) { // not started, or its start failed: there is nothing to stop
        return stillStarting.tryFail(new VertxException("Verticle un-deployed", true))
            ? closeFuture.future() : Future.succeededFuture();
      }
      Promise<Object> stopped = Promise.promise();
      ctx.runOnContext(v -> {
        Future<?> stop;
        try {
          stop = verticle.undeploy(ctx);
        } catch (Throwable t) {
          stop = Future.failedFuture(t);
        }
        stop.eventually(ctx::close).onComplete(stopped);
      });
      return stopped.future();
    }

    @Override
    public Future<?> cleanup() {
      return closeFuture.close();
    }
  }
}
