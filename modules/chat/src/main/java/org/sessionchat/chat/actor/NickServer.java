package org.sessionchat.chat.actor;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
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
 */
public final class NickServer implements SessionActor {

  /** The nick server's well-known actor id on every node. */
  public static final String ACTOR_ID = "nick-server";
  /** The cluster-wide map of nicks (lower case) to the client actor holding each. */
  public static final String MAP_NAME = "sessionchat.nicks";

  private static final Logger log = LoggerFactory.getLogger(NickServer.class);

  private final RoomRegistry nicks;
  /** Session id to the (lower-case) nick its client holds. */
  private final Map<String, String> held = new HashMap<>();

  public NickServer(RoomRegistry nicks) {
    this.nicks = nicks;
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
    String previous = held.get(client.sessionId());
    nicks.claim(key, owner).onComplete(claimed -> {
      if (claimed.succeeded() && claimed.result()) {
        held.put(client.sessionId(), key);
        if (previous != null && !previous.equals(key)) {
          nicks.release(previous, owner);
        }
        reply(client, ChatProtocol.NICK_GRANTED, nick);
      } else {
        reply(client, ChatProtocol.NICK_IN_USE, nick);
      }
    });
  }

  private void find(Conversation client, String nick) {
    nicks.lookup(key(nick)).onComplete(found -> {
      if (found.succeeded() && found.result().isPresent()) {
        reply(client, ChatProtocol.NICK_FOUND, nick, found.result().get().toString());
      } else {
        reply(client, ChatProtocol.NO_SUCH_NICK, nick);
      }
    });
  }

  @Override
  public void conversationEnded(Conversation client, EndReason reason) {
    String key = held.remove(client.sessionId());
    if (key != null) {
      nicks.release(key, client.participant(ChatProtocol.NICK_OWNER));
    }
  }

  /** Forgets the nicks of clients on a node that left the cluster. */
  public void forgetNode(String nodeId) {
    nicks.forgetNode(nodeId);
  }

  private static void reply(Conversation client, String label, Object... payload) {
    if (client.isActive()) {
      client.send(ChatProtocol.NICK_OWNER, label, payload)
          .onFailure(e -> log.warn("Nick server could not answer {}: {}", label, e.getMessage()));
    }
  }

  /** IRC's ascii case mapping. */
  static String key(String nick) {
    return nick.toLowerCase(Locale.ROOT);
  }
}
