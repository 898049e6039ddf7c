package org.sessionchat.chat.actor;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Function;
import org.sessionchat.chat.wire.AsciiCase;
import org.sessionchat.session.ActorContext;
import org.sessionchat.session.ActorRef;
import org.sessionchat.session.Conversation;
import org.sessionchat.session.EndReason;
import org.sessionchat.session.SessionActor;
import org.sessionchat.session.SessionMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's nick server, playing {@code NickServer} in the {@code NickRegistry} session of
 * every IRC client connected to this node: IRC nicks are unique in the whole cluster.
 *
 * <p>Why an actor in front of the shared map: the clients speak a monitored protocol, and
 * the server ties each nick to the session that claimed it, so a nick is released whenever
 * that session ends (QUIT, a dropped connection, the client's node dying: entries naming a
 * node that left count as free, as rooms do). Nicks compare in ASCII case-insensitively
 * (IRC's {@code CASEMAPPING=ascii}).
 *
 * <p>Why it also repairs: a fault damages the nick map the way it damages the room map (a
 * dying member takes entries with it, the others forget a hung node's nicks, both sides of a
 * split grant the same nick). {@link #reconcile()} makes the map agree with the nicks this
 * node's clients hold, the way {@link RoomManager#reconcile()} does for rooms.
 */
public final class NickServer implements SessionActor {

  /** The nick server's well-known actor id on every node. */
  public static final String ACTOR_ID = "nick-server";
  /** The cluster-wide map of nicks (lower case) to the client actor holding each. */
  public static final String MAP_NAME = "sessionchat.nicks";

  private static final Logger log = LoggerFactory.getLogger(NickServer.class);
  /** Replacement names tried for a client whose nick went to another, before the next pass. */
  private static final int RENAME_ATTEMPTS = 3;

  /** A nick held by the client of one session, as it was claimed. */
  private record Held(String nick, ActorRef owner, Conversation session) {

    /** A nick's key (lower case) and who holds it, as the nick map lists them. */
    record Key(String key, ActorRef owner) {
    }

    String key() {
      return NickServer.key(nick);
    }
  }

  private final RoomRegistry nicks;
  private final Function<String, Future<String>> replacements;
  /** Session id to the nick its client holds; touched on the actor's context only. */
  private final Map<String, Held> held = new HashMap<>();
  /** Session id to the nick its claim in flight asks for: neither a ghost nor a twin yet. */
  private final Map<String, String> claiming = new HashMap<>();
  /** Keys of fresh names being claimed for clients that lost theirs. */
  private final Set<String> renaming = new HashSet<>();
  private Context context;
  private String nodeId;

  /** A nick server whose clients lose no nick to a fault (tests). */
  public NickServer(RoomRegistry nicks) {
    this(nicks, lost -> Future.failedFuture("no replacement names"));
  }

  /**
   * @param replacements a fresh name for a client whose nick {@code lost} went to another
   *                     client when the cluster merged (e.g. a guest name)
   */
  public NickServer(RoomRegistry nicks, Function<String, Future<String>> replacements) {
    this.nicks = nicks;
    this.replacements = replacements;
  }

  @Override
  public void started(ActorContext actor) {
    context = Vertx.currentContext();
    nodeId = actor.self().nodeId();
  }

  @Override
  public void received(Conversation client, SessionMessage message) {
    switch (message.label()) {
      case ChatProtocol.CLAIM_NICK -> claim(client, message.string(0));
      case ChatProtocol.FIND_NICK -> find(client, message.string(0));
      default -> log.warn("Nick server got an unexpected {} in session {}", message.label(), client.sessionId());
    }
  }

  private void claim(Conversation client, String nick) {
    String key = key(nick);
    ActorRef owner = client.participant(ChatProtocol.NICK_OWNER);
    Held previous = held.get(client.sessionId());
    claiming.put(client.sessionId(), key);
    nicks.claim(key, owner).onComplete(claimed -> {
      claiming.remove(client.sessionId());
      if (claimed.succeeded() && claimed.result()) {
        held.put(client.sessionId(), new Held(nick, owner, client));
        // the old nick is free by the time the client hears it has the new one: whoever it
        // tells may take the old one at once, from any node
        Future<Void> released = previous != null && !previous.key().equals(key)
            ? nicks.release(previous.key(), owner) : Future.succeededFuture();
        released.onComplete(done -> reply(client, ChatProtocol.NICK_GRANTED, nick));
      } else {
        reply(client, ChatProtocol.NICK_IN_USE, nick);
      }
    });
  }

  private void find(Conversation client, String nick) {
    nicks.lookup(key(nick)).onComplete(found -> {
      if (found.succeeded() && found.result().isPresent()) {
        reply(client, ChatProtocol.NICK_FOUND, nick, found.result().get().holder().toString());
      } else {
        reply(client, ChatProtocol.NO_SUCH_NICK, nick);
      }
    });
  }

  @Override
  public void conversationEnded(Conversation client, EndReason reason) {
    claiming.remove(client.sessionId());
    Held gone = held.remove(client.sessionId());
    if (gone != null) {
      nicks.release(gone.key(), gone.owner());
    }
  }

  /** Forgets the nicks of clients on a node that left the cluster. */
  public void forgetNode(String nodeId) {
    nicks.forgetNode(nodeId);
  }

  /**
   * Makes the nick map agree with the nicks this node's clients hold, after the cluster
   * changed shape and every few seconds (run by the node's registry repair):
   * <ul>
   * <li>a held nick whose entry is missing is written back (lost with a member, or forgotten
   *     by the others while this node was cut off or stopped), so nobody else can take it;
   * <li>a held nick whose entry now names another live client is a twin (both sides of a
   *     split granted it): the map's entry keeps it (after a heal, the larger side's), and this
   *     client gets a fresh name, told with {@code nickLost} as IRC servers do on a nick
   *     collision;
   * <li>an entry naming a client of this node that holds no such nick is a ghost (e.g. merged
   *     back after the nick was released) and is removed, so the nick can be taken.
   * </ul>
   * Safe from any thread: the pass runs on the nick server's context.
   */
  public Future<Void> reconcile() {
    Context on = context;
    if (on == null) {
      return Future.succeededFuture();
    }
    Promise<Void> done = Promise.promise();
    on.runOnContext(run -> pass().onComplete(done));
    return done.future();
  }

  private Future<Void> pass() {
    List<Future<?>> steps = new ArrayList<>();
    for (Held entry : List.copyOf(held.values())) {
      if (claiming.containsKey(entry.session().sessionId()) || !entry.session().isActive()) {
        continue;
      }
      steps.add(nicks.claim(entry.key(), entry.owner()).onSuccess(kept -> {
        if (!kept && held.get(entry.session().sessionId()) == entry) {
          log.warn("Nick {} of a client on this node was granted elsewhere too; the cluster kept the other one",
              entry.nick());
          rename(entry, RENAME_ATTEMPTS);
        }
      }));
    }
    steps.add(nicks.forgetGhosts(nodeId, new HeldNow()).onSuccess(ghosts -> {
      if (!ghosts.isEmpty()) {
        log.warn("Removed nick entries of clients no longer holding them on this node: {}", ghosts);
      }
    }));
    return Future.join(steps).mapEmpty();
  }

  /**
   * Whether a client here holds (or is claiming, or is being renamed to) a key as an owner:
   * the ghost check's question for each of this node's entries in the nick map, all asked in
   * one go once the map's entries are in. What the clients hold is put in sets at the first
   * question and looked up from then on; walked per entry, a pass cost this node's entries
   * times its clients (10,000 clients: 10^8 comparisons every pass, on the node's context).
   */
  private final class HeldNow implements BiPredicate<String, ActorRef> {
    private Set<String> taken;
    private Set<Held.Key> holdings;

    @Override
    public boolean test(String key, ActorRef owner) {
      if (taken == null) {
        taken = new HashSet<>(claiming.values());
        taken.addAll(renaming);
        holdings = new HashSet<>();
        for (Held entry : held.values()) {
          holdings.add(new Held.Key(entry.key(), entry.owner()));
        }
      }
      return taken.contains(key) || holdings.contains(new Held.Key(key, owner));
    }
  }

  /**
   * Gives the client of {@code lost} a fresh name and tells it. The fresh name counts as held
   * while it is being claimed: a ghost check of the same moment would otherwise see the new
   * entry without its holder and remove it.
   */
  private void rename(Held lost, int attemptsLeft) {
    replacements.apply(lost.nick()).onComplete(drawn -> {
      if (drawn.failed()) {
        renameAgain(lost, attemptsLeft);
        return;
      }
      String name = drawn.result();
      String key = key(name);
      renaming.add(key);
      nicks.claim(key, lost.owner()).onComplete(claimed -> {
        renaming.remove(key);
        boolean granted = claimed.succeeded() && claimed.result();
        if (held.get(lost.session().sessionId()) != lost) {
          if (granted) {
            nicks.release(key, lost.owner()); // renamed or gone meanwhile
          }
        } else if (!granted) {
          renameAgain(lost, attemptsLeft);
        } else {
          held.put(lost.session().sessionId(), new Held(name, lost.owner(), lost.session()));
          reply(lost.session(), ChatProtocol.NICK_LOST, lost.nick(), name);
        }
      });
    });
  }

  private void renameAgain(Held lost, int attemptsLeft) {
    if (attemptsLeft > 1) {
      rename(lost, attemptsLeft - 1);
    } else {
      log.warn("No replacement nick for the client that lost {}; trying again at the next pass", lost.nick());
    }
  }

  private static void reply(Conversation client, String label, Object... payload) {
    if (client.isActive()) {
      client.send(ChatProtocol.NICK_OWNER, label, payload)
          .onFailure(e -> log.warn("Nick server could not answer {}: {}", label, e.getMessage()));
    }
  }

  /** IRC's ascii case mapping. */
  static String key(String nick) {
    return AsciiCase.fold(nick);
  }
}
