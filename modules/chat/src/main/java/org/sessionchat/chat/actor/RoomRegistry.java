package org.sessionchat.chat.actor;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.shareddata.AsyncMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Supplier;
import org.sessionchat.chat.wire.AsciiCase;
import org.sessionchat.session.ActorRef;

/**
 * The cluster-wide map from room name to the room actor, shared by every node's
 * {@link RoomManager}.
 *
 * <p>Why a Vert.x async map: clustered, it is a Hazelcast map whose {@code putIfAbsent} is
 * atomic across nodes, so of two clients creating the same name on two nodes exactly one
 * wins. Values are {@link ActorRef#toString()} strings: the reference names the node that
 * hosts the room, which is all it takes to tell a live entry from one left behind by a
 * dead node. Such stale entries count as absent everywhere (a CREATE right after a node
 * died must succeed even before the clean-up ran) and are removed by {@link #forgetNode}.
 *
 * <p>Names compare without regard to ASCII case ({@link AsciiCase}) and keep the spelling
 * they were claimed with: the key is the name folded to lower case, so {@code Deck} and
 * {@code deck} are one name cluster-wide and {@code putIfAbsent} decides between them; the
 * value is the holder's reference, followed by a space and the name as claimed when that
 * spelling is not the key's (a name in lower case, and every nick, is the reference alone).
 */
public final class RoomRegistry {

  /** A name's holder, with the name as it was claimed: the spelling everybody is shown. */
  public record Entry(String name, ActorRef holder) {

    /** The map's value for this entry. */
    String value() {
      return AsciiCase.fold(name).equals(name) ? holder.toString() : holder + " " + name;
    }

    /** The entry the map holds under {@code key} as {@code value}. */
    static Entry of(String key, String value) {
      int space = value.indexOf(' ');
      return space < 0 ? new Entry(key, ActorRef.parse(value))
          : new Entry(value.substring(space + 1), ActorRef.parse(value.substring(0, space)));
    }
  }

  /** The name of the shared map. */
  public static final String MAP_NAME = "sessionchat.rooms";

  /** Bounds the retries of a claim that races the clean-up of a dead node's entries. */
  private static final int CLAIM_ATTEMPTS = 3;

  private final AsyncMap<String, String> rooms;
  private final Supplier<Set<String>> liveNodes;

  private RoomRegistry(AsyncMap<String, String> rooms, Supplier<Set<String>> liveNodes) {
    this.rooms = rooms;
    this.liveNodes = liveNodes;
  }

  /**
   * @param liveNodes the node ids of the cluster's current members
   */
  public static Future<RoomRegistry> open(Vertx vertx, Supplier<Set<String>> liveNodes) {
    return open(vertx, MAP_NAME, liveNodes);
  }

  /**
   * The same kind of registry over another cluster-wide map: name to the actor that holds
   * the name, live as long as its node is (the {@link NickServer}'s nicks).
   */
  public static Future<RoomRegistry> open(Vertx vertx, String mapName, Supplier<Set<String>> liveNodes) {
    return vertx.sharedData().<String, String>getAsyncMap(mapName)
        .map(map -> new RoomRegistry(map, liveNodes));
  }

  /** The room called {@code name} in any case, with the name as its creator spelt it, if it exists on a live node. */
  public Future<Optional<Entry>> lookup(String name) {
    String key = AsciiCase.fold(name);
    return rooms.get(key).map(value -> Optional.ofNullable(value).map(found -> Entry.of(key, found))
        .filter(entry -> isLive(entry.holder())));
  }

  /**
   * Records {@code room} under {@code name}, spelt as given, unless a live room already has
   * that name in any case.
   *
   * @return true if the name is now {@code room}'s
   */
  public Future<Boolean> claim(String name, ActorRef room) {
    return claim(AsciiCase.fold(name), new Entry(name, room).value(), CLAIM_ATTEMPTS);
  }

  /**
   * A stale entry is replaced in place; if it vanished meanwhile (another node's
   * {@link #forgetNode} removed it) the name is free, so the claim starts over.
   */
  private Future<Boolean> claim(String name, String value, int attemptsLeft) {
    return rooms.putIfAbsent(name, value).compose(existing -> {
      if (existing == null || existing.equals(value)) {
        return Future.succeededFuture(true);
      }
      if (isLive(Entry.of(name, existing).holder())) {
        return Future.succeededFuture(false);
      }
      return rooms.replaceIfPresent(name, existing, value).compose(replaced -> replaced || attemptsLeft <= 1
          ? Future.succeededFuture(replaced)
          : claim(name, value, attemptsLeft - 1));
    });
  }

  /** Frees {@code name} (as {@code room} claimed it) if it still belongs to {@code room}. */
  public Future<Void> release(String name, ActorRef room) {
    return rooms.removeIfPresent(AsciiCase.fold(name), new Entry(name, room).value()).mapEmpty();
  }

  /** Names of the rooms on live nodes, each as its creator spelt it, sorted without regard to case. */
  public Future<List<String>> names() {
    return rooms.entries().map(entries -> entries.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .map(entry -> Entry.of(entry.getKey(), entry.getValue()))
        .filter(entry -> isLive(entry.holder()))
        .map(Entry::name)
        .toList());
  }

  /**
   * Removes the entries that name {@code nodeId} as host but whose room is not {@code hosts}
   * says is there: ghosts, listed but not joinable (e.g. brought back by a merge after their
   * room closed). {@code hosts} is asked with the name in lower case (the map's key), about
   * each of {@code nodeId}'s entries one after the other in one go, once the entries are read
   * (so what it answers from may be gathered at its first question: the nick server does).
   *
   * @return the names removed, in lower case
   */
  public Future<List<String>> forgetGhosts(String nodeId, BiPredicate<String, ActorRef> hosts) {
    return rooms.entries().compose(entries -> {
      List<Map.Entry<String, String>> ghosts = entries.entrySet().stream()
          .filter(entry -> {
            ActorRef room = Entry.of(entry.getKey(), entry.getValue()).holder();
            return room.nodeId().equals(nodeId) && !hosts.test(entry.getKey(), room);
          })
          .toList();
      return Future.join(ghosts.stream().map(entry -> rooms.removeIfPresent(entry.getKey(), entry.getValue())).toList())
          .map(removed -> ghosts.stream().map(Map.Entry::getKey).toList());
    });
  }

  /** Removes every room hosted on {@code nodeId} (a node that left the cluster). */
  public Future<Void> forgetNode(String nodeId) {
    return rooms.entries().compose(entries -> Future.join(entries.entrySet().stream()
        .filter(entry -> Entry.of(entry.getKey(), entry.getValue()).holder().nodeId().equals(nodeId))
        .map(entry -> rooms.removeIfPresent(entry.getKey(), entry.getValue()))
        .toList())).mapEmpty();
  }

  private boolean isLive(ActorRef room) {
    return liveNodes.get().contains(room.nodeId());
  }
}
