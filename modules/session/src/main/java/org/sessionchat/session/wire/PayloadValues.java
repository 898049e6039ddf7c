package org.sessionchat.session.wire;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The payload values the runtime carries: {@link String}, {@link Long}, {@link Boolean}
 * and {@link List}s of those.
 *
 * <p>Why normalise on send: within a node the envelope is handed over as is, across nodes
 * it is encoded; normalising first (ints become longs, anything else is refused) makes the
 * receiver see the same values wherever the sender lives.
 */
public final class PayloadValues {

  private PayloadValues() {
  }

  /**
   * An immutable list of the values, each checked and normalised.
   *
   * @throws IllegalArgumentException for null or a value of another type
   */
  public static List<Object> of(Object... values) {
    if (values.length == 0) {
      return List.of();
    }
    if (allPlain(values)) {
      return List.of(values);
    }
    Object[] copy = Arrays.copyOf(values, values.length);
    for (int i = 0; i < copy.length; i++) {
      copy[i] = normalise(copy[i]);
    }
    return List.of(copy);
  }

  /** The common case, checked without allocating: only strings, longs and booleans. */
  private static boolean allPlain(Object[] values) {
    for (Object value : values) {
      if (!(value instanceof String || value instanceof Long || value instanceof Boolean)) {
        return false;
      }
    }
    return true;
  }

  private static Object normalise(Object value) {
    if (value instanceof String || value instanceof Long || value instanceof Boolean) {
      return value;
    }
    if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      for (Object element : list) {
        out.add(normalise(element));
      }
      return List.copyOf(out);
    }
    throw new IllegalArgumentException("payload values must be String, Long, Boolean or a List of those, not "
        + (value == null ? "null" : value.getClass().getName()));
  }
}
