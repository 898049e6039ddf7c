package org.sessionchat.chat.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.sessionchat.chat.actor.RoomManager;
import org.sessionchat.session.ActorRef;

/**
 * How the console names an actor: {@code ann@node-7001} for a client whose nickname this
 * node knows, {@code room deck@node-7002} for a room, {@code room manager@node-7001}, or
 * the actor id; nodes by the names on their {@link NodeCard}s.
 *
 * <p>Why nicknames and room names only: the view shows who takes part and where, never
 * what they say.
 */
final class PeerNames {

  private static final int SHORT_ID = 8;

  private final Map<String, String> nodeNames = new HashMap<>();
  private final Map<ActorRef, String> roomNames = new HashMap<>();
  private final Function<String, String> nickOfLocalActor;
  private final String localNodeId;

  /**
   * @param cards            the cluster's nodes as last read
   * @param localNodeId      this node's id
   * @param nickOfLocalActor nickname of a client actor on this node by actor id, or null
   */
  PeerNames(List<NodeCard> cards, String localNodeId, Function<String, String> nickOfLocalActor) {
    this.localNodeId = localNodeId;
    this.nickOfLocalActor = nickOfLocalActor;
    for (NodeCard card : cards) {
      nodeNames.put(card.nodeId(), card.name());
      for (NodeCard.Room room : card.rooms()) {
        roomNames.put(new ActorRef(card.nodeId(), room.actorId()), room.name());
      }
    }
  }

  String node(String nodeId) {
    String name = nodeNames.get(nodeId);
    return name != null ? name : nodeId.length() > SHORT_ID ? nodeId.substring(0, SHORT_ID) : nodeId;
  }

  String actor(ActorRef ref) {
    return who(ref) + "@" + node(ref.nodeId());
  }

  private String who(ActorRef ref) {
    if (RoomManager.ACTOR_ID.equals(ref.actorId())) {
      return "room manager";
    }
    String room = roomNames.get(ref);
    if (room != null) {
      return "room " + room;
    }
    String nick = ref.nodeId().equals(localNodeId) ? nickOfLocalActor.apply(ref.actorId()) : null;
    return nick != null ? nick : ref.actorId();
  }
}
