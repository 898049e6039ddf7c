package org.sessionchat.chat.web;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.shareddata.AsyncMap;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.sessionchat.chat.ChatServerNode;
import org.sessionchat.chat.actor.RoomActor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cluster's nodes as the web console lists them: each node with a console writes its
 * {@link NodeCard} into a shared map, again whenever its rooms or member counts change
 * (checked every {@link #PUBLISH_PERIOD_MILLIS} ms, written only on a change).
 *
 * <p>Why a map of its own and not the room registry: the registry holds what the
 * {@code ChatServer} protocol needs (room name to room actor); the member counts of a room
 * are known only to the node hosting it, and the console wants them for every room.
 */
public final class NodeDirectory {

  /** The name of the shared map: node id to encoded {@link NodeCard}. */
  public static final String MAP_NAME = "sessionchat.nodes";
  /** How often the node's own card is compared with what it last wrote. */
  public static final long PUBLISH_PERIOD_MILLIS = 2_000;

  private static final Logger log = LoggerFactory.getLogger(NodeDirectory.class);

  private final Vertx vertx;
  private final AsyncMap<String, String> cards;
  private final ChatServerNode node;
  private final int httpPort;
  private long timer = -1;
  private String published;

  private NodeDirectory(Vertx vertx, AsyncMap<String, String> cards, ChatServerNode node, int httpPort) {
    this.vertx = vertx;
    this.cards = cards;
    this.node = node;
    this.httpPort = httpPort;
  }

  /**
   * Opens the map and publishes this node's card now, and again within
   * {@value #PUBLISH_PERIOD_MILLIS} ms of each change.
   */
  public static Future<NodeDirectory> start(Vertx vertx, ChatServerNode node, int httpPort) {
    return vertx.sharedData().<String, String>getAsyncMap(MAP_NAME).map(map -> {
      NodeDirectory directory = new NodeDirectory(vertx, map, node, httpPort);
      node.runtime().onNodeLeft(gone -> map.remove(gone));
      directory.publish();
      directory.timer = vertx.setPeriodic(PUBLISH_PERIOD_MILLIS, tick -> directory.publish());
      return directory;
    });
  }

  /** This node's card as it is right now. */
  public NodeCard ownCard() {
    List<NodeCard.Room> rooms = new ArrayList<>();
    for (RoomActor room : node.roomManager().hostedRooms()) {
      if (room.ref() != null) {
        rooms.add(new NodeCard.Room(room.name(), room.ref().actorId(), room.memberCount()));
      }
    }
    return new NodeCard(node.runtime().nodeId(), node.nodeName(), node.port(), httpPort, rooms);
  }

  /** A card for every live member (cards of departed nodes are left out), this node first. */
  public Future<List<NodeCard>> members() {
    Set<String> live = node.clusterMembers();
    String self = node.runtime().nodeId();
    return cards.entries().map(entries -> {
      List<NodeCard> result = new ArrayList<>();
      for (String member : live) {
        String encoded = member.equals(self) ? ownCard().toJson().encode() : entries.get(member);
        result.add(encoded == null ? NodeCard.unknown(member) : NodeCard.fromJson(member, encoded));
      }
      result.sort(Comparator.comparing((NodeCard card) -> !card.nodeId().equals(self)).thenComparing(NodeCard::name));
      return result;
    });
  }

  private void publish() {
    String card = ownCard().toJson().encode();
    if (card.equals(published)) {
      return;
    }
    published = card;
    cards.put(node.runtime().nodeId(), card).onFailure(e -> {
      published = null; // try again on the next tick
      log.debug("Could not publish the node card of {}: {}", node.nodeName(), e.getMessage());
    });
  }

  /** Stops publishing and takes this node's card out of the map. */
  public Future<Void> close() {
    vertx.cancelTimer(timer);
    return cards.remove(node.runtime().nodeId()).<Void>mapEmpty().recover(e -> Future.succeededFuture());
  }
}
