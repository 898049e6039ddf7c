package org.sessionchat.session.impl;

import io.vertx.core.Handler;
import io.vertx.core.eventbus.DeliveryContext;
import java.util.Map;

/**
 * What both halves of the monitor ({@link OutboundMonitor}, {@link InboundMonitor}) work
 * with: the node's actors (whose sessions hold the FSMs), the router, the one place a
 * refusal is recorded, the observers, the counters, and whether a refusal is enforced or
 * only tracked (monitor off).
 */
abstract class MonitorInterceptor implements Handler<DeliveryContext<Object>> {

  protected final Map<String, ActorCell> actors;
  protected final Router router;
  protected final MonitorRefusals refusals;
  protected final Observers observers;
  protected final MetricCounters metrics;
  protected final boolean enforcing;

  MonitorInterceptor(Map<String, ActorCell> actors, Router router, MonitorRefusals refusals, Observers observers,
      MetricCounters metrics, boolean enforcing) {
    this.actors = actors;
    this.router = router;
    this.refusals = refusals;
    this.observers = observers;
    this.metrics = metrics;
    this.enforcing = enforcing;
  }
}
