package org.sessionchat.scribble;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sessionchat.scribble.fsm.Direction;
import org.sessionchat.scribble.fsm.Monitor;

/**
 * Steps a monitor through messages written as {@link Monitor#expected()} prints them,
 * e.g. {@code "!lookupRoom(1) to RoomRegistry"} or {@code "?roomPID(2) from RoomRegistry"}.
 */
final class Trace {

  private static final Pattern STEP =
      Pattern.compile("([!?])(\\w+)\\((\\d+)\\) (?:to|from) (\\w+)");

  private Trace() {}

  /** Asserts that every message is allowed, in order. */
  static void allowed(Monitor monitor, String... steps) {
    for (String step : steps) {
      String before = monitor.describeState();
      assertThat(step(monitor, step)).as("%s allowed in %s", step, before).isTrue();
    }
  }

  /** Asserts that each message is refused here and leaves the monitor where it was. */
  static void refused(Monitor monitor, String... steps) {
    for (String step : steps) {
      String before = monitor.describeState();
      assertThat(step(monitor, step)).as("%s refused in %s", step, before).isFalse();
      assertThat(monitor.describeState()).isEqualTo(before);
    }
  }

  private static boolean step(Monitor monitor, String step) {
    Matcher m = STEP.matcher(step);
    if (!m.matches()) {
      throw new IllegalArgumentException("not a step: " + step);
    }
    Direction direction = m.group(1).equals("!") ? Direction.SEND : Direction.RECEIVE;
    return monitor.step(direction, m.group(4), m.group(2), Integer.parseInt(m.group(3)));
  }
}
