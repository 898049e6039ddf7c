package org.sessionchat.session;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.sessionchat.scribble.ProtocolLibrary;

/**
 * Which actor kind may play which roles in which protocols: Listing 1 of the mse-chat
 * report, as a JSON file checked against the protocols when the node starts.
 *
 * <p>Format: {@code {"ActorKind": {"Protocol": ["Role", ...], ...}, ...}}.
 *
 * <p>Why validated up front: a typo in a role name would otherwise show up as a refused
 * invitation long after start-up; an unknown protocol or role stops the node with a
 * message that names the kind, the protocol and the role.
 */
public final class RoleConfig {

  private final Map<String, Map<String, Set<String>>> roles;

  private RoleConfig(Map<String, Map<String, Set<String>>> roles) {
    this.roles = roles;
  }

  /**
   * Parses and validates a role configuration.
   *
   * @throws IllegalArgumentException for bad JSON, a wrong shape, or an unknown protocol or role
   */
  public static RoleConfig parse(String json, ProtocolLibrary protocols) {
    JsonObject root;
    try {
      root = new JsonObject(json);
    } catch (DecodeException | ClassCastException e) {
      throw new IllegalArgumentException("role configuration is not a JSON object: " + e.getMessage());
    }
    Map<String, Map<String, Set<String>>> byKind = new HashMap<>();
    for (String kind : root.fieldNames()) {
      if (!(root.getValue(kind) instanceof JsonObject protocolsOfKind)) {
        throw new IllegalArgumentException("actor kind '" + kind + "': expected an object {\"Protocol\": [\"Role\"]}");
      }
      Map<String, Set<String>> byProtocol = new HashMap<>();
      for (String protocol : protocolsOfKind.fieldNames()) {
        if (!protocols.protocolNames().contains(protocol)) {
          throw new IllegalArgumentException("actor kind '" + kind + "': unknown protocol '" + protocol
              + "' (known: " + new TreeSet<>(protocols.protocolNames()) + ")");
        }
        if (!(protocolsOfKind.getValue(protocol) instanceof JsonArray roleNames)) {
          throw new IllegalArgumentException("actor kind '" + kind + "', protocol '" + protocol
              + "': expected an array of role names");
        }
        List<String> declared = protocols.roles(protocol);
        Set<String> allowed = new TreeSet<>();
        for (Object role : roleNames) {
          if (!(role instanceof String name) || !declared.contains(name)) {
            throw new IllegalArgumentException("actor kind '" + kind + "': protocol '" + protocol
                + "' has no role '" + role + "' (roles: " + declared + ")");
          }
          allowed.add(name);
        }
        byProtocol.put(protocol, Set.copyOf(allowed));
      }
      byKind.put(kind, Map.copyOf(byProtocol));
    }
    return new RoleConfig(Map.copyOf(byKind));
  }

  /** Reads and validates {@code file}; errors name the file. */
  public static RoleConfig load(Path file, ProtocolLibrary protocols) throws IOException {
    String json = Files.readString(file, StandardCharsets.UTF_8);
    try {
      return parse(json, protocols);
    } catch (IllegalArgumentException e) {
      // no cause: the same problem, now with its file; a reader of the chain's root must see the file
      throw new IllegalArgumentException(file + ": " + e.getMessage());
    }
  }

  /** True if an actor of {@code actorKind} may play {@code role} in {@code protocol}. */
  public boolean mayPlay(String actorKind, String protocol, String role) {
    Map<String, Set<String>> byProtocol = roles.get(actorKind);
    if (byProtocol == null) {
      return false;
    }
    Set<String> allowed = byProtocol.get(protocol);
    return allowed != null && allowed.contains(role);
  }

  /** The actor kinds this configuration knows. */
  public Set<String> actorKinds() {
    return roles.keySet();
  }
}
