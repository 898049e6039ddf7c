package org.sessionchat.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * One benchmark scenario as given on the command line: who to load, how many rooms of how
 * many members, how fast they talk and for how long. Immutable; it travels to child
 * processes and into every result so a result file says what produced it.
 *
 * @param name     scenario label for reports (e.g. {@code A})
 * @param system   what is being measured, for reports (e.g. {@code session-chat monitor on})
 * @param protocol {@code chat} or {@code irc}
 * @param targets  {@code host:port} of the servers; clients are spread over them round-robin
 * @param rooms    number of rooms
 * @param members  members per room
 * @param senders  members per room that send (the first ones)
 * @param rate     messages per second per sender; 0 = as fast as the in-flight window allows
 * @param size     payload size in bytes
 * @param warmupSeconds   sending before measuring starts
 * @param durationSeconds measuring time (for idle scenarios: how long the clients stay)
 * @param window   most messages of one sender not yet delivered to everybody, when rate is 0
 */
public record ScenarioSpec(
    String name, String system, String protocol, List<String> targets,
    int rooms, int members, int senders, double rate, int size,
    int warmupSeconds, int durationSeconds, int window) {

  public ScenarioSpec {
    targets = List.copyOf(targets);
    if (rooms < 1 || members < 1) {
      throw new IllegalArgumentException("need at least one room of one member");
    }
    if (senders < 0 || senders > members) {
      throw new IllegalArgumentException("senders must be between 0 and members (" + members + ")");
    }
    if (targets.isEmpty()) {
      throw new IllegalArgumentException("no --targets given");
    }
  }

  public int clients() {
    return rooms * members;
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("name", name).put("system", system).put("protocol", protocol)
        .put("targets", new JsonArray(targets))
        .put("rooms", rooms).put("members", members).put("senders", senders)
        .put("rate", rate).put("size", size)
        .put("warmupSeconds", warmupSeconds).put("durationSeconds", durationSeconds)
        .put("window", window);
  }

  public static ScenarioSpec fromJson(JsonObject json) {
    return new ScenarioSpec(json.getString("name"), json.getString("system"),
        json.getString("protocol"), json.getJsonArray("targets").getList(),
        json.getInteger("rooms"), json.getInteger("members"), json.getInteger("senders"),
        json.getDouble("rate"), json.getInteger("size"),
        json.getInteger("warmupSeconds"), json.getInteger("durationSeconds"),
        json.getInteger("window"));
  }
}
