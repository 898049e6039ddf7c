package org.sessionchat.scribble.fsm;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sessionchat.scribble.ast.TypeDecl;

/**
 * The run-time check of one payload type, made from its {@code type} declaration once when
 * the FSM is built, so that {@link #accepts} is a field read and an {@code instanceof}.
 *
 * <p>Why: a declaration such as {@code type <java> "java.lang.String" from "rt.jar" as
 * String;} says what a value must be; the monitor refuses a message whose value is not.
 * The mapping (docs/protocol.md): {@code <java>} names a class (a simple name means
 * {@code java.lang}), and a value must be an instance of it, except that the integral
 * classes accept any integral boxed number that fits and {@code Double}/{@code Float} any
 * number (values come off the wire as JSON). {@code <erlang>} maps {@code string},
 * {@code atom}, {@code pid} to a {@link String}, {@code list} and {@code tuple} to a
 * {@link List}, {@code integer} to an integral number, {@code float} to a number,
 * {@code boolean} to a {@link Boolean}. A null value is never of a declared type. A class
 * that is not on the class path, an Erlang type not listed, and every other schema are
 * not checked ({@link Kind#ANY}).
 *
 * @param name  the type as the protocol writes it, e.g. {@code RoomName}
 * @param kind  the check
 * @param type  the class to test with {@link Kind#INSTANCE}, else {@code Object.class}
 */
public record PayloadType(String name, Kind kind, Class<?> type) {

  /** What {@link #accepts} tests. */
  public enum Kind { ANY, STRING, INTEGRAL, NUMBER, BOOLEAN, LIST, INSTANCE }

  private static final Map<String, Kind> ERLANG = Map.of("string", Kind.STRING,
      "atom", Kind.STRING, "pid", Kind.STRING, "list", Kind.LIST, "tuple", Kind.LIST,
      "integer", Kind.INTEGRAL, "float", Kind.NUMBER, "number", Kind.NUMBER,
      "boolean", Kind.BOOLEAN);

  private static final Map<String, Kind> JAVA = Map.of("java.lang.String", Kind.STRING,
      "java.lang.Long", Kind.INTEGRAL, "java.lang.Integer", Kind.INTEGRAL,
      "java.lang.Short", Kind.INTEGRAL, "java.lang.Byte", Kind.INTEGRAL,
      "java.lang.Double", Kind.NUMBER, "java.lang.Float", Kind.NUMBER,
      "java.lang.Boolean", Kind.BOOLEAN, "java.util.List", Kind.LIST);

  /** A type whose values are not checked (no declaration, or a schema we do not map). */
  public static PayloadType unchecked(String name) {
    return new PayloadType(name, Kind.ANY, Object.class);
  }

  /** The check a declaration asks for. */
  public static PayloadType of(TypeDecl decl) {
    String name = decl.alias().value();
    String external = decl.external();
    switch (decl.schema()) {
      case "java": {
        String className = external.contains(".") ? external : "java.lang." + external;
        Kind known = JAVA.get(className);
        if (known != null) {
          return new PayloadType(name, known, Object.class);
        }
        try {
          Class<?> type = Class.forName(className, false, PayloadType.class.getClassLoader());
          return new PayloadType(name, Kind.INSTANCE, type);
        } catch (ClassNotFoundException | LinkageError e) {
          return unchecked(name);
        }
      }
      case "erlang":
        return new PayloadType(name,
            ERLANG.getOrDefault(external.toLowerCase(Locale.ROOT), Kind.ANY), Object.class);
      default:
        return unchecked(name);
    }
  }

  /**
   * Whether a value is of this type; allocates nothing ({@code null} is of type {@code ANY}
   * only). Strings are tested before the {@code switch}, which reads a lookup table first:
   * most payload values of the chat protocols are strings, and every delivery is checked twice.
   */
  public boolean accepts(Object value) {
    if (kind == Kind.STRING) {
      return value instanceof String;
    }
    return switch (kind) {
      case STRING -> value instanceof String;
      case INTEGRAL -> value instanceof Long || value instanceof Integer
          || value instanceof Short || value instanceof Byte;
      case NUMBER -> value instanceof Number;
      case BOOLEAN -> value instanceof Boolean;
      case LIST -> value instanceof List;
      case INSTANCE -> type.isInstance(value);
      case ANY -> true;
    };
  }
}
