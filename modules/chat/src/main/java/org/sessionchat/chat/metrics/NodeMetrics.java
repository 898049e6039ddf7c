package org.sessionchat.chat.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.VertxBuilder;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.Label;
import io.vertx.micrometer.MetricsDomain;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.sessionchat.chat.ChatServerNode;
import org.sessionchat.chat.limits.Disconnect;
import org.sessionchat.chat.limits.LimitCounters;
import org.sessionchat.session.SessionMetrics;

/**
 * One node's metrics in a Prometheus registry: Vert.x's own (event bus, TCP and HTTP
 * servers) and the chat node's figures — connections, rooms, sessions, monitored messages,
 * protocol violations, offline participants, cluster members and what the limits refused.
 * Every metric is described in docs/operations.md, "Metrics and health".
 *
 * <p>Why read at scrape time: the session runtime and the limits keep cheap counters of
 * their own; this class only exposes them ({@link FunctionCounter}s and {@link Gauge}s), so
 * nothing is counted twice and the hot paths do not know about Micrometer. Counters whose
 * label values appear at run time (a protocol, a violation) are registered when first seen
 * by a scrape.
 */
public final class NodeMetrics {

  private static final String PREFIX = "sessionchat_";

  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Set<String> registeredKeys = ConcurrentHashMap.newKeySet();
  private final boolean eventBusMetrics;
  private volatile SessionMetrics sessions;

  /** Without Vert.x's per-message event-bus metrics (see {@link #NodeMetrics(boolean)}). */
  public NodeMetrics() {
    this(false);
  }

  /**
   * @param eventBusMetrics also count every event-bus message with Vert.x's Micrometer
   *     metrics ({@code vertx_eventbus_*}). Off by default: they look a meter up for every
   *     message and took about a third of a busy node's CPU in the benchmark profiles
   *     (docs/benchmarks.md); the session runtime's own counters stay on either way.
   */
  public NodeMetrics(boolean eventBusMetrics) {
    this.eventBusMetrics = eventBusMetrics;
  }

  /**
   * Adds Vert.x's metrics to {@code options} and {@code builder}: TCP and HTTP servers, pools,
   * and the event bus if asked for, without per-address labels (reply addresses would make
   * them unbounded).
   */
  public VertxBuilder instrument(VertxBuilder builder, VertxOptions options) {
    MicrometerMetricsOptions metrics = new MicrometerMetricsOptions().setEnabled(true)
        .setLabels(EnumSet.of(Label.EB_SIDE, Label.EB_FAILURE, Label.HTTP_METHOD, Label.HTTP_CODE));
    if (!eventBusMetrics) {
      metrics.addDisabledMetricsCategory(MetricsDomain.EVENT_BUS);
    }
    options.setMetricsOptions(metrics);
    return builder.with(options).withMetrics(new MicrometerMetricsFactory(registry));
  }

  /** Starts exposing {@code node}'s figures. Call once, when the node serves. */
  public void bind(ChatServerNode node) {
    sessions = node.runtime().metrics();
    gauge("connections", "Client connections open on this node", node, ChatServerNode::connectionCount);
    gauge("rooms", "Rooms hosted on this node", node, n -> n.roomManager().hostedRoomCount());
    gauge("cluster_members", "Nodes in the cluster as this node sees them (1 when not clustered, 0 when cut off)",
        node, n -> n.clusterMembers().size());
    counter("messages_monitored", "Messages checked by a session monitor on this node", sessions,
        SessionMetrics::messagesMonitored);
    counter("participant_offline", "Conversations on this node ended by ParticipantOffline", sessions,
        SessionMetrics::participantOffline);
    counter("late_messages", "Session messages dropped because their session had ended here", sessions,
        SessionMetrics::lateMessages);
    counter("malformed_envelopes", "Event-bus messages to this node that were not a decodable envelope",
        sessions, SessionMetrics::malformedMessages);
    counter("forged_envelopes", "Envelopes from other nodes refused because they were not bound to their sender",
        sessions, SessionMetrics::forgedEnvelopes);
    bindLimits(node.limitCounters());
  }

  private void bindLimits(LimitCounters limits) {
    for (Disconnect reason : Disconnect.values()) {
      FunctionCounter.builder(PREFIX + "disconnects", limits, l -> l.disconnects(reason))
          .description("Client connections the node closed or refused, by reason")
          .tag("reason", reason.label())
          .register(registry);
    }
    counter("flood_delayed_lines", "Client lines flood control made wait for their turn (none is dropped)", limits,
        LimitCounters::delayedLines);
    gauge("flood_waiting_lines", "Client lines waiting in flood control right now", limits,
        LimitCounters::waitingLines);
    gauge("flood_held_connections", "Client connections flood control is not reading right now", limits,
        LimitCounters::heldConnections);
    counter("flood_held_seconds", "Seconds, summed over connections, flood control stopped reading them", limits,
        LimitCounters::heldSeconds);
    counter("rooms_refused", "CREATEs refused with ERROR:TOO_MANY_ROOMS", limits, LimitCounters::roomsRefused);
    counter("joins_refused", "JOINs refused with ERROR:ROOM_FULL", limits, LimitCounters::joinsRefused);
  }

  /** The registry, for tests and further binders. */
  public MeterRegistry registry() {
    return registry;
  }

  /** Everything, in the Prometheus text format. */
  public String scrape() {
    SessionMetrics current = sessions;
    if (current != null) {
      byKey("sessions_started", "Sessions this node initiated that were established, by protocol",
          current, SessionMetrics::sessionsStarted, "protocol");
      byKey("conversations_ended", "Conversations (one participant's part of a session) ended on this node, by protocol",
          current, SessionMetrics::sessionsEnded, "protocol");
      byKey("protocol_violations", "Messages a monitor on this node refused, by protocol, role and label",
          current, SessionMetrics::violations, "protocol", "role", "label");
    }
    return registry.scrape();
  }

  /**
   * Registers a counter for each key of {@code counts} not seen before; keys are label values
   * joined by '/'. The counter reads {@code metrics}, which this object holds: Micrometer keeps
   * only a weak reference to what a function counter reads, and a counter reading a lambda made
   * for one scrape read 0 once that lambda was collected.
   */
  private void byKey(String name, String description, SessionMetrics metrics,
      Function<SessionMetrics, Map<String, Long>> counts, String... labels) {
    for (String key : counts.apply(metrics).keySet()) {
      if (!registeredKeys.add(name + " " + key)) {
        continue;
      }
      String[] values = key.split("/", labels.length);
      FunctionCounter.Builder<SessionMetrics> builder = FunctionCounter
          .builder(PREFIX + name, metrics, m -> counts.apply(m).getOrDefault(key, 0L))
          .description(description);
      for (int i = 0; i < labels.length; i++) {
        builder.tag(labels[i], i < values.length ? values[i] : "");
      }
      builder.register(registry);
    }
  }

  private <T> void gauge(String name, String description, T source, ToDoubleFunction<T> value) {
    Gauge.builder(PREFIX + name, source, value).description(description).register(registry);
  }

  private <T> void counter(String name, String description, T source, ToDoubleFunction<T> value) {
    FunctionCounter.builder(PREFIX + name, source, value).description(description).register(registry);
  }
}
