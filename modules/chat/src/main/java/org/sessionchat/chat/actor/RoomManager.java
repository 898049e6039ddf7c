package org.sessionchat.chat.actor;

import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.sessionchat.chat.NodeNames;
import org.sessionchat.chat.cluster.Quorum;
import org.sessionchat.chat.limits.LimitCounters;
import org.sessionchat.chat.limits.Limits;
import org.sessionchat.chat.limits.RoomQuota;
import org.sessionchat.chat.wire.AsciiCase;
import org.sessionchat.session.ActorRef;
import org.sessionchat.session.Conversation;
import org.sessionchat.session.SessionActor;
import org.sessionchat.session.SessionMessage;
import org.sessionchat.session.SessionRuntime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's room manager, playing {@code RoomRegistry} in the {@code ChatServer} session
 * of every client connected to this node.
 *
 * <p>Why one per node and not one per cluster: a client's lobby requests never leave its
 * node; only the {@link RoomRegistry} map is shared. Rooms are created (hosted) here, on the
 * node of the client that asked, and this manager keeps track of them for the node.
 *
 * <p>Room names compare without regard to ASCII case and keep their creator's spelling (see
 * {@link RoomRegistry}): {@code roomPID} and {@code roomList} carry that spelling, whatever
 * case the client asked in, so every member is shown the room by the same name.
 */
public final class RoomManager implements SessionActor {

  /** The manager's well-known actor id on every node. */
  public static final String ACTOR_ID = "room-manager";

  private static final Logger log = LoggerFactory.getLogger(RoomManager.class);
  private static final Duration QUORUM_WAIT = Duration.ofSeconds(10);

  private final SessionRuntime runtime;
  private final RoomRegistry registry;
  /** The rooms hosted here by name in lower case ({@link AsciiCase#fold}). */
  private final Map<String, RoomActor> hosted = new ConcurrentHashMap<>();
  /**
   * Rooms spawned here whose claim is still under way: not ghosts. By room, not by name: two
   * clients creating one name at once must not end each other's protection. Read by the
   * registry repair on another thread, so a room leaves this set only once it is in
   * {@link #hosted} (or lost its claim).
   */
  private final Set<ActorRef> creating = ConcurrentHashMap.newKeySet();
  private final RoomQuota quota;
  private final Quorum quorum;
  private final NodeNames names;
  private volatile String nodeName = "";

  public RoomManager(SessionRuntime runtime, RoomRegistry registry) {
    this(runtime, registry, Limits.NONE, new LimitCounters());
  }

  /** A manager that hosts at most {@link Limits#maxRooms()} rooms of {@link Limits#maxRoomMembers()} each. */
  public RoomManager(SessionRuntime runtime, RoomRegistry registry, Limits limits, LimitCounters counters) {
    this(runtime, registry, limits, counters, NodeNames.local());
  }

  /** @param names node names for the log lines of the rooms */
  public RoomManager(SessionRuntime runtime, RoomRegistry registry, Limits limits, LimitCounters counters,
      NodeNames names) {
    this(runtime, registry, limits, counters, names, Quorum.none());
  }

  /**
   * A manager whose node creates rooms only while its side of the cluster has {@code quorum},
   * and whose lookups wait a little for the quorum when a name is not found without it.
   */
  public RoomManager(SessionRuntime runtime, RoomRegistry registry, Limits limits, LimitCounters counters,
      NodeNames names, Quorum quorum) {
    this.runtime = runtime;
    this.registry = registry;
    this.quorum = quorum;
    this.quota = new RoomQuota(limits, counters, hosted::size, quorum::present);
    this.names = names;
  }

  @Override
  public void received(Conversation client, SessionMessage message) {
    switch (message.label()) {
      case ChatProtocol.LOOKUP_ROOM -> lookup(client, message.string(0));
      case ChatProtocol.CREATE_ROOM -> create(client, message.string(0));
      case ChatProtocol.LIST_ROOMS -> list(client);
      default -> log.warn("Room manager got an unexpected {} in session {}", message.label(), client.sessionId());
    }
  }

  /**
   * A name not found while this side lacks its quorum may be a room across a split that is
   * healing, or on the others this node is rejoining after a pause: ask again once the
   * quorum is back (at most {@link #QUORUM_WAIT}), so that a JOIN right after a heal works.
   */
  private void lookup(Conversation client, String room) {
    registry.lookup(room).compose(found -> found.isPresent() || quorum.present() || Vertx.currentContext() == null
        ? Future.succeededFuture(found)
        : quorum.await(Vertx.currentContext().owner(), QUORUM_WAIT)
            .compose(back -> back ? registry.lookup(room) : Future.succeededFuture(found)))
        .onComplete(found -> {
      if (found.succeeded() && found.result().isPresent()) {
        RoomRegistry.Entry entry = found.result().get();
        reply(client, ChatProtocol.ROOM_PID, entry.name(), entry.holder().toString());
      } else {
        warnIfFailed(found, "look up", room);
        reply(client, ChatProtocol.ROOM_NOT_FOUND, room);
      }
    });
  }

  private void create(Conversation client, String room) {
    if (!quota.mayCreateRoom() || !quota.hasQuorum()) {
      reply(client, ChatProtocol.ROOM_EXISTS, room); // the protocol has no other refusal
      return;
    }
    ActorRef ref = new ActorRef(runtime.nodeId(), "room-" + UUID.randomUUID());
    String key = AsciiCase.fold(room);
    RoomActor actor = new RoomActor(room, quota, nodeName, names, stopped -> {
      if (hosted.remove(key, stopped)) {
        log.info("Room {} closed", room); // a room that lost the race for its name was never created
      }
      registry.release(room, ref);
    });
    creating.add(ref);
    runtime.spawn(ChatProtocol.KIND_ROOM, ref.actorId(), actor)
        .compose(spawned -> registry.claim(room, ref).onComplete(claimed -> {
          if (claimed.failed() || !claimed.result()) {
            actor.stop(); // lost the race, or the registry failed: nobody can reach this room
          }
        }))
        .onComplete(claimed -> {
          if (claimed.succeeded() && claimed.result()) {
            // hosted before no longer creating: a reconcile on the repair's thread sees one of the two
            hosted.put(key, actor);
            creating.remove(ref);
            log.info("Room {} created", room);
            log.debug("Room {} is {}", room, ref);
            reply(client, ChatProtocol.CREATE_ROOM_SUCCESS, room);
          } else {
            creating.remove(ref);
            warnIfFailed(claimed, "create", room);
            reply(client, ChatProtocol.ROOM_EXISTS, room);
          }
        });
  }

  private void list(Conversation client) {
    registry.names().onComplete(names -> {
      warnIfFailed(names, "list", "rooms");
      reply(client, ChatProtocol.ROOM_LIST, names.succeeded() ? names.result() : List.of());
    });
  }

  private static void reply(Conversation client, String label, Object... payload) {
    if (client.isActive()) {
      client.send(ChatProtocol.CLIENT_THREAD, label, payload)
          .onFailure(e -> log.warn("Room manager could not answer {}: {}", label, e.getMessage()));
    }
  }

  private static void warnIfFailed(AsyncResult<?> result, String what, String room) {
    if (result.failed()) {
      log.warn("Room registry could not {} {}: {}", what, room, result.cause().getMessage());
    }
  }

  /**
   * Makes the registry agree with the rooms hosted here, after the cluster changed shape (a
   * node left, joined, or a split healed), and every few seconds as a safety net:
   * <ul>
   * <li>a hosted room whose entry is missing is written back: a dying member may take
   *     entries with it (Hazelcast keeps one backup, and partitions still migrating after a
   *     join have none yet), and the others remove a hung node's rooms while it is away;
   * <li>a hosted room whose name now belongs to another live room is a twin (both sides of a
   *     split created it, in the same case or not): this one is closed, its members are told {@code OFFLINE} and may
   *     join the one that stayed, the room the registry kept after the merge;
   * <li>an entry naming this node for a room that is not hosted here is a ghost (listed but
   *     not joinable, e.g. merged back after its room closed) and is removed.
   * </ul>
   */
  public Future<Void> reconcile() {
    List<Future<?>> steps = new ArrayList<>();
    for (Map.Entry<String, RoomActor> entry : hosted.entrySet()) {
      String key = entry.getKey();
      RoomActor room = entry.getValue();
      if (room.ref() == null) {
        continue;
      }
      steps.add(registry.claim(room.name(), room.ref()).onSuccess(claimed -> {
        if (!claimed && hosted.remove(key, room)) {
          log.warn("Room {} on {} has a twin elsewhere that kept the name; closing this one", room.name(),
              runtime.nodeId());
          room.stop();
        }
      }));
    }
    steps.add(registry.forgetGhosts(runtime.nodeId(), (name, ref) -> creating.contains(ref)
            || Optional.ofNullable(hosted.get(name)).map(room -> ref.equals(room.ref())).orElse(false))
        .onSuccess(ghosts -> {
          if (!ghosts.isEmpty()) {
            log.warn("Removed registry entries of rooms no longer on {}: {}", runtime.nodeId(), ghosts);
          }
        }));
    return Future.join(steps).mapEmpty();
  }

  /** The node's name, told to IRC members of the rooms created from now on. */
  public void nodeName(String name) {
    nodeName = name;
  }

  /** A room hosted on this node, by name in any case. */
  public Optional<RoomActor> hostedRoom(String name) {
    return Optional.ofNullable(hosted.get(AsciiCase.fold(name)));
  }

  /** The rooms hosted on this node right now (a live view; safe from any thread). */
  public Collection<RoomActor> hostedRooms() {
    return Collections.unmodifiableCollection(hosted.values());
  }

  /** The room limits of this node, for the client actors that ask before they CREATE. */
  public RoomQuota quota() {
    return quota;
  }

  /** Rooms hosted on this node right now; safe from any thread. */
  public int hostedRoomCount() {
    return hosted.size();
  }
}
