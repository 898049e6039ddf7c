package org.sessionchat.bench.fault;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * After a heal: is every listed room one room, reachable from every node? For each room, a
 * fresh client on every node joins it and says one line; every other of them must hear it.
 *
 * <p>A listed room that some node cannot join is a <em>ghost</em>; a name whose joiners do
 * not all hear each other is served by more than one room (a <em>twin</em>) or has a route
 * the event bus lost after the split.
 *
 * @param rooms     rooms checked
 * @param joins     JOINs tried (rooms x nodes)
 * @param joined    JOINs answered {@code OK:JOIN}
 * @param routes    lines owed between the joiners (each line to each other joiner)
 * @param delivered of those, heard
 * @param ghosts    rooms some node could not join
 * @param split     rooms whose joiners did not all hear each other
 */
record Routing(int rooms, int joins, int joined, int routes, int delivered, List<String> ghosts, List<String> split) {

  private static final int WAIT_SECONDS = 10;

  static Routing check(List<String> nodes, List<String> rooms, String prefix, long origin) {
    int joins = 0;
    int joined = 0;
    int routes = 0;
    int delivered = 0;
    List<String> ghosts = new ArrayList<>();
    List<String> split = new ArrayList<>();
    for (String room : rooms) {
      List<ProbeMember> in = new ArrayList<>();
      try {
        for (int node = 1; node <= nodes.size(); node++) {
          joins++;
          try {
            ProbeMember member = ProbeMember.connect(prefix + "-x" + node, node, nodes.get(node - 1), origin);
            in.add(member);
            if (member.join(room)) {
              joined++;
            } else {
              ghosts.add(room.replace(prefix, "<probe>"));
              in.remove(member);
              member.close();
            }
          } catch (IOException e) {
            ghosts.add(room.replace(prefix, "<probe>"));
          }
        }
        int heard = 0;
        int owed = 0;
        for (ProbeMember speaker : in) {
          try {
            speaker.send("CHAT:route from node" + speaker.node());
          } catch (IOException e) {
            // counted as not heard below
          }
        }
        for (ProbeMember listener : in) {
          for (ProbeMember speaker : in) {
            if (speaker != listener) {
              owed++;
              if (listener.heard("MSG:" + room + ":" + speaker.name() + ":route from node" + speaker.node(),
                  WAIT_SECONDS)) {
                heard++;
              }
            }
          }
        }
        routes += owed;
        delivered += heard;
        if (heard < owed) {
          split.add(room.replace(prefix, "<probe>"));
        }
      } finally {
        in.forEach(ProbeMember::close);
      }
    }
    return new Routing(rooms.size(), joins, joined, routes, delivered, List.copyOf(ghosts), List.copyOf(split));
  }

  JsonObject toJson() {
    return new JsonObject().put("rooms", rooms).put("joins", joins).put("joined", joined)
        .put("routes", routes).put("delivered", delivered)
        .put("ghosts", new JsonArray(new ArrayList<>(ghosts))).put("split", new JsonArray(new ArrayList<>(split)));
  }
}
