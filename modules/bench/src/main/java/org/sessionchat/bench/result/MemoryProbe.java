package org.sessionchat.bench.result;

import java.util.Locale;

/**
 * When in a run the generator read the servers' memory. Reading a JVM's heap after GC forces
 * a full collection ({@code jcmd GC.run}): the collector then shrinks the heap and has to grow
 * it back under the load that follows, which only JVM servers pay. So the moment depends on
 * the scenario alone, the same for every system: idle scenarios (C), whose figure the memory
 * is, read it once every client is in; scenarios with senders read it when the measured
 * window is over and every message has arrived, so the collection touches no timed message.
 */
public enum MemoryProbe {
  /** Not read (no server process given, or an old result line without memory figures). */
  NONE,
  /** Once every client was in its room, before any message (idle scenarios). */
  AFTER_JOIN,
  /** After the measured window and the drain, every client still connected (scenarios with senders). */
  AFTER_DRAIN,
  /** After the generator's child processes reported and closed their clients (senders over several processes). */
  AFTER_RUN;

  /** The moment for a scenario: after the join for idle ones, after the drain when members talk. */
  public static MemoryProbe forScenario(int senders) {
    return senders > 0 ? AFTER_DRAIN : AFTER_JOIN;
  }

  /** The name in result lines, e.g. {@code after-drain}. */
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** Reads {@link #jsonName()}; result lines from before the moment was recorded read memory after the join. */
  public static MemoryProbe fromJsonName(String name, boolean memoryRead) {
    if (name == null) {
      return memoryRead ? AFTER_JOIN : NONE;
    }
    return valueOf(name.toUpperCase(Locale.ROOT).replace('-', '_'));
  }

  /** How the summary line says it, e.g. "after the drain". */
  public String words() {
    return switch (this) {
      case NONE -> "not read";
      case AFTER_JOIN -> "after the join";
      case AFTER_DRAIN -> "after the window and drain";
      case AFTER_RUN -> "after the run";
    };
  }
}
