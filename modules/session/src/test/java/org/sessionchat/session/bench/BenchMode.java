package org.sessionchat.session.bench;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryContext;
import java.lang.reflect.Field;
import org.sessionchat.session.SessionRuntime;

/**
 * What a run's runtime checks. {@link #ON}: the monitor enforces (both FSM checks per message,
 * refusals refused). {@link #OFF}: {@code monitorEnabled=false}, which tracks every FSM and
 * never refuses — the same checks, so on/off measures what enforcing costs. {@link #NONE}: the
 * monitor's two interceptors taken off the event bus (benchmark only, by reflection; no
 * runtime option does this): no check at all, so on/none is what the monitor costs. Without
 * the inbound check a batch has no checked receivers, so {@link #NONE} is only for scenarios
 * that send one envelope at a time.
 */
enum BenchMode {
  ON("on", true),
  OFF("off", false),
  NONE("none", false);

  final String label;
  final boolean monitorEnabled;

  BenchMode(String label, boolean monitorEnabled) {
    this.label = label;
    this.monitorEnabled = monitorEnabled;
  }

  /** For {@link #NONE}: takes {@code runtime}'s monitor interceptors off {@code vertx}'s event bus. */
  @SuppressWarnings("unchecked")
  void apply(Vertx vertx, SessionRuntime runtime) {
    if (this != NONE) {
      return;
    }
    try {
      Object node = field(runtime, "node");
      vertx.eventBus().removeOutboundInterceptor((Handler<DeliveryContext<Object>>) field(node, "outbound"));
      vertx.eventBus().removeInboundInterceptor((Handler<DeliveryContext<Object>>) field(node, "inbound"));
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot take the monitor off for the unmonitored baseline", e);
    }
  }

  private static Object field(Object owner, String name) throws ReflectiveOperationException {
    Field field = owner.getClass().getDeclaredField(name);
    field.setAccessible(true);
    return field.get(owner);
  }
}
