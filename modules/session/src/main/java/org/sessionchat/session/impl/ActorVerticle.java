package org.sessionchat.session.impl;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.MessageConsumer;

/**
 * The verticle one actor lives in: its own context, its own local consumer.
 *
 * <p>Why a verticle per actor, as the design card draws it: deploying gives the actor a
 * context of its own (its callbacks and its monitors run there, one at a time), its stop is
 * its undeploy (also when the verticle that spawned it is undeployed: it is a child
 * deployment), and a consumer registered here makes Vert.x run the inbound monitor
 * interceptor on this context. A verticle costs about 2 KB and 40 µs to deploy.
 */
final class ActorVerticle extends VerticleBase {

  private final ActorCell cell;
  private MessageConsumer<Object> consumer;

  ActorVerticle(ActorCell cell) {
    this.cell = cell;
  }

  @Override
  public Future<?> start() {
    cell.attach(context, context.deploymentID());
    consumer = vertx.eventBus().localConsumer(cell.address());
    consumer.handler(cell::handle);
    if (!cell.start()) {
      return consumer.unregister().transform(ar -> Future.failedFuture(
          new IllegalStateException("actor " + cell.self() + " crashed in started()")));
    }
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop() {
    cell.undeployed();
    return consumer == null ? Future.succeededFuture() : consumer.unregister();
  }
}
