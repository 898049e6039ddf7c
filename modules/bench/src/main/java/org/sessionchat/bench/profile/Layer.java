package org.sessionchat.bench.profile;

import java.util.List;

/**
 * The layers of a chat node that a profile's samples are attributed to, by the package of a
 * frame's class: the first layer whose prefix matches wins.
 */
enum Layer {
  SCRIBBLE_FSM("monitor FSM step (scribble)", "org.sessionchat.scribble."),
  SESSION_RUNTIME("session runtime", "org.sessionchat.session."),
  CHAT("chat actors and line handling", "org.sessionchat.chat."),
  EVENT_BUS("Vert.x event bus", "io.vertx.core.eventbus.", "io.vertx.core.impl.eventbus.", "io.vertx.core.eventbus.impl."),
  VERTX_METRICS("Vert.x Micrometer metrics", "io.vertx.micrometer.", "io.micrometer."),
  VERTX_OTHER("Vert.x (net, contexts, other)", "io.vertx."),
  NETTY("Netty (sockets, buffers, event loop)", "io.netty."),
  NIO("JDK socket I/O", "sun.nio.", "java.nio."),
  HAZELCAST("Hazelcast", "com.hazelcast."),
  LOGGING("logging", "ch.qos.logback.", "org.slf4j."),
  JDK("JDK (collections, strings, other)", "java.", "jdk.", "sun."),
  OTHER("other");

  private final String label;
  private final List<String> prefixes;

  Layer(String label, String... prefixes) {
    this.label = label;
    this.prefixes = List.of(prefixes);
  }

  /** The label of the layer a fully qualified method name belongs to. */
  static String of(String method) {
    for (Layer layer : values()) {
      for (String prefix : layer.prefixes) {
        if (method.startsWith(prefix)) {
          return layer.label;
        }
      }
    }
    return OTHER.label;
  }
}
