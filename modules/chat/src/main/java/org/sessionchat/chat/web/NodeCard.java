package org.sessionchat.chat.web;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What one node tells the others about itself for their web consoles: its name, its
 * ports, and the rooms it hosts with their member counts (never who is in them).
 *
 * @param nodeId   the node's id in the cluster
 * @param name     the name clients see in {@code WELCOME}
 * @param chatPort the line-protocol port
 * @param httpPort the port of {@code /health} and the console, 0 if off
 * @param rooms    the rooms hosted there, sorted by name
 */
public record NodeCard(String nodeId, String name, int chatPort, int httpPort, List<Room> rooms) {

  /**
   * One hosted room.
   *
   * @param name    the room's name
   * @param actorId the room actor's id on its node (how its sessions name it)
   * @param members members right now
   */
  public record Room(String name, String actorId, int members) {
  }

  public NodeCard {
    rooms = rooms.stream().sorted(Comparator.comparing(Room::name)).toList();
  }

  /** A card for a node that published none (its console is off): the id stands in for the name. */
  public static NodeCard unknown(String nodeId) {
    return new NodeCard(nodeId, nodeId, 0, 0, List.of());
  }

  public JsonObject toJson() {
    JsonArray roomArray = new JsonArray();
    for (Room room : rooms) {
      roomArray.add(new JsonObject().put("name", room.name()).put("actorId", room.actorId())
          .put("members", room.members()));
    }
    return new JsonObject().put("nodeId", nodeId).put("name", name).put("chatPort", chatPort)
        .put("httpPort", httpPort).put("rooms", roomArray);
  }

  /** The card encoded by {@link #toJson()}; a card that does not decode is {@link #unknown}. */
  public static NodeCard fromJson(String nodeId, String encoded) {
    try {
      JsonObject json = new JsonObject(encoded);
      List<Room> rooms = new ArrayList<>();
      for (Object entry : json.getJsonArray("rooms", new JsonArray())) {
        JsonObject room = (JsonObject) entry;
        rooms.add(new Room(room.getString("name"), room.getString("actorId"), room.getInteger("members", 0)));
      }
      return new NodeCard(nodeId, json.getString("name", nodeId), json.getInteger("chatPort", 0),
          json.getInteger("httpPort", 0), rooms);
    } catch (RuntimeException malformed) {
      return unknown(nodeId);
    }
  }
}
