package org.sessionchat.chat.actor;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sessionchat.chat.actor.ClientEvent.Refusal;
import org.sessionchat.chat.wire.AsciiCase;
import org.sessionchat.chat.wire.Command;
import org.sessionchat.session.ActorRef;
import org.sessionchat.session.Conversation;
import org.sessionchat.session.SessionMessage;
import org.sessionchat.session.SessionSetupException;
import org.sessionchat.session.SetupFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a {@link ClientActor} does for an IRC client on top of the line protocol's sessions:
 * JOIN that creates, one {@code ChannelPresence} session per channel (members, topic,
 * notices), a nick claimed in the {@code NickRegistry}, {@code DirectMessage} sessions, and
 * a channel whose room was lost joined again on a survivor.
 *
 * <p>Why apart from the actor: the actor keeps the sessions every client has; this keeps
 * what only IRC clients need, with the actor's context and queue. Runs on the actor's
 * context only.
 */
final class IrcExtras {

  /** Key of the {@code NickRegistry} session. */
  static final String NICKS = "nicks";
  private static final String PRESENCE = "presence";

  private static final Logger log = LoggerFactory.getLogger(IrcExtras.class);

  /** A channel's {@code ChannelPresence} session and the host node its {@code present} named. */
  private static final class Presence {
    final String room;
    final Conversation session;
    final String lostNode;
    final Promise<Void> shown = Promise.promise();
    String hostNode;
    ClientEvent.Topic topic;
    Promise<List<String>> membersAsked;

    Presence(String room, Conversation session, String lostNode) {
      this.room = room;
      this.session = session;
      this.lostNode = lostNode;
    }
  }

  private final ClientActor actor;
  /** By room name in lower case; each keeps the name as the room spells it. */
  private final Map<String, Presence> presences = new LinkedHashMap<>();
  private final Map<ActorRef, Conversation> directs = new HashMap<>();
  private Future<Conversation> nickSession;
  private String user = "user";

  IrcExtras(ClientActor actor) {
    this.actor = actor;
  }

  Future<Void> execute(Command command) {
    if (command instanceof Command.Say say) {
      return say(say);
    } else if (command instanceof Command.Part part) {
      return part(part.room(), part.reason());
    } else if (command instanceof Command.SetTopic topic) {
      return withPresence(topic.room(), Refusal.NOT_ON_CHANNEL,
          presence -> send(presence, ChatProtocol.SET_TOPIC, topic.topic()));
    } else if (command instanceof Command.Names names) {
      return names(names.room());
    } else if (command instanceof Command.Whisper whisper) {
      return whisper(whisper);
    } else if (command instanceof Command.User identity) {
      user = identity.user();
      return actor.tell(new ClientEvent.UserSet(user));
    }
    throw new IllegalStateException("unhandled command " + command);
  }

  /** The client's {@code nick!user@host}. */
  String mask() {
    return actor.nick() + "!" + user + "@" + host();
  }

  private String host() {
    String address = actor.transport().remoteAddress();
    int colon = address.lastIndexOf(':');
    String host = colon > 0 ? address.substring(0, colon) : address;
    return host.startsWith("/") ? host.substring(1) : host;
  }

  // --- nicks

  Future<Void> claimNick(String wanted) {
    return nicks().compose(session -> actor.ask(NICKS, ChatProtocol.NICK_SERVER, ChatProtocol.CLAIM_NICK, wanted))
        .compose(answer -> {
          if (!ChatProtocol.NICK_GRANTED.equals(answer.label())) {
            return actor.refuse(Refusal.NICK_IN_USE, wanted);
          }
          actor.nick(wanted);
          String mask = mask();
          presences.values().forEach(presence -> send(presence, ChatProtocol.RENAMED, mask));
          return actor.tell(new ClientEvent.NickSet(wanted));
        }, failure -> actor.failed("NICK", failure));
  }

  /**
   * The nick server gave this client {@code given} because {@code lost} went to another
   * client when the cluster merged (both sides of a split had granted it): the client and its
   * channels see a nick change, as after a NICK.
   */
  void nickLost(String lost, String given) {
    log.info("Client {} is now {}: the nick was kept by another client after the cluster merged", lost, given);
    actor.nick(given);
    String mask = mask();
    presences.values().forEach(presence -> send(presence, ChatProtocol.RENAMED, mask));
    actor.tell(new ClientEvent.NickSet(given));
  }

  private Future<Conversation> nicks() {
    if (nickSession == null) {
      nickSession = actor.context().startSession(ChatProtocol.NICK_REGISTRY, ChatProtocol.NICK_OWNER,
              Map.of(ChatProtocol.NICK_SERVER, actor.nickServer()))
          .onSuccess(session -> actor.context().register(NICKS, session))
          .onFailure(failure -> nickSession = null);
    }
    return nickSession;
  }

  // --- channels

  /**
   * JOIN: lookupRoom; if not found createRoom (either answer will do: somebody has it now)
   * and lookupRoom again; then the {@code ChatSession} and the {@code ChannelPresence}. The
   * channel is {@code room} in any case, shown as {@code roomPID} spells it (its creator's
   * spelling).
   * {@code lostNode} is set when this re-joins a channel whose room was lost with that node.
   */
  Future<Void> join(String room, String lostNode) {
    return join(room, lostNode, null);
  }

  /**
   * {@code lostTopic}: the topic the lost room had; the client that re-creates the room (one
   * wins the name) sets it again, so the channel keeps its topic.
   */
  private Future<Void> join(String room, String lostNode, ClientEvent.Topic lostTopic) {
    if (actor.room(room) != null) {
      return Future.succeededFuture();
    }
    return actor.lookup(room).compose(found -> {
      if (ChatProtocol.ROOM_PID.equals(found.label())) {
        return enter(found.string(0), ActorRef.parse(found.string(1)), lostNode);
      }
      if (!actor.quota().mayCreateRoom()) {
        return actor.refuse(Refusal.TOO_MANY_ROOMS, room);
      }
      return actor.createRoom(room).compose(created -> actor.lookup(room).compose(again -> {
        if (!ChatProtocol.ROOM_PID.equals(again.label())) {
          return actor.refuse(Refusal.ROOM_NOT_FOUND, room);
        }
        return enter(again.string(0), ActorRef.parse(again.string(1)), lostNode).onSuccess(entered -> {
          boolean won = ChatProtocol.CREATE_ROOM_SUCCESS.equals(created.label());
          Presence presence = presences.get(AsciiCase.fold(room));
          if (won && lostTopic != null && !lostTopic.text().isEmpty() && presence != null) {
            send(presence, ChatProtocol.SET_TOPIC, lostTopic.text());
          }
        });
      }));
    }).recover(failure -> actor.failed("JOIN", failure));
  }

  private Future<Void> enter(String room, ActorRef roomRef, String lostNode) {
    return actor.enter(room, roomRef).compose(chatSession -> chatSession == null
        ? Future.succeededFuture()
        : present(room, roomRef, lostNode));
  }

  /** Starts the channel's {@code ChannelPresence} and waits for its {@code present}. */
  private Future<Void> present(String room, ActorRef roomRef, String lostNode) {
    return actor.context().startSession(ChatProtocol.CHANNEL_PRESENCE, ChatProtocol.MEMBER,
            Map.of(ChatProtocol.CHANNEL, roomRef))
        .compose(session -> {
          Presence presence = new Presence(room, session, lostNode);
          presences.put(AsciiCase.fold(room), presence);
          actor.context().register(PRESENCE + ":" + room, session);
          return session.send(ChatProtocol.CHANNEL, ChatProtocol.HELLO, mask(), actor.nodeName())
              .compose(sent -> presence.shown.future());
        })
        .recover(failure -> {
          log.info("Client {}: no presence in {}: {}", actor.nick(), room, failure.getMessage());
          // in the room all the same, as a line client would be
          return actor.tell(new ClientEvent.Present(room, new ClientEvent.Topic("", "", 0), "",
              List.of(PresenceEvents.entry(mask(), actor.nodeName()))));
        });
  }

  private Future<Void> say(Command.Say say) {
    if (!(actor.room(say.room()) instanceof RoomState.InRoom in)) {
      return actor.refuse(Refusal.CANNOT_SEND, say.room());
    }
    if (say.notice()) {
      return withPresence(say.room(), Refusal.CANNOT_SEND,
          presence -> send(presence, ChatProtocol.CHANNEL_NOTICE, say.text()));
    }
    return actor.chatIn(in, say.text());
  }

  private Future<Void> part(String room, String reason) {
    if (!(actor.room(room) instanceof RoomState.InRoom in)) {
      return actor.refuse(Refusal.NOT_ON_CHANNEL, room);
    }
    Presence presence = presences.remove(AsciiCase.fold(room));
    if (presence != null) {
      send(presence, ChatProtocol.PART, reason == null ? "" : reason);
    }
    return actor.leave(in, reason);
  }

  private Future<Void> names(String room) {
    Presence presence = presences.get(AsciiCase.fold(room));
    if (presence == null) {
      return actor.tell(new ClientEvent.Members(room, List.of()));
    }
    Promise<List<String>> asked = Promise.promise();
    presence.membersAsked = asked;
    return send(presence, ChatProtocol.ASK_MEMBERS)
        .compose(sent -> asked.future())
        .compose(members -> actor.tell(new ClientEvent.Members(presence.room, members)),
            failure -> actor.tell(new ClientEvent.Members(presence.room, List.of())));
  }

  private Future<Void> withPresence(String room, Refusal otherwise,
      java.util.function.Function<Presence, Future<Void>> action) {
    Presence presence = presences.get(AsciiCase.fold(room));
    return presence == null ? actor.refuse(otherwise, room) : action.apply(presence);
  }

  private Future<Void> send(Presence presence, String label, Object... payload) {
    return presence.session.send(ChatProtocol.CHANNEL, label, payload)
        .recover(failure -> actor.failed(label, failure));
  }

  /** The room session of {@code room} ended without a PART: join it again, wherever it is now. */
  void roomLost(String room) {
    Presence presence = presences.remove(AsciiCase.fold(room));
    String lostNode = presence == null || presence.hostNode == null ? "?" : presence.hostNode;
    ClientEvent.Topic lostTopic = presence == null ? null : presence.topic;
    actor.submit(() -> join(room, lostNode, lostTopic).onComplete(done -> {
      if (actor.room(room) == null) {
        actor.transport().deliver(new ClientEvent.RoomOffline(room));
      }
    }));
  }

  /** Tells every channel the client quits (before its sessions end). */
  void quitChannels(String reason) {
    for (Presence presence : presences.values()) {
      presence.session.send(ChatProtocol.CHANNEL, ChatProtocol.QUIT, reason);
    }
    presences.clear();
  }

  // --- private messages

  private Future<Void> whisper(Command.Whisper whisper) {
    return nicks().compose(session -> actor.ask(NICKS, ChatProtocol.NICK_SERVER, ChatProtocol.FIND_NICK,
            whisper.nick()))
        .compose(found -> {
          if (!ChatProtocol.NICK_FOUND.equals(found.label())) {
            // a NOTICE is never answered with an error (RFC 2812, 3.3.2)
            return whisper.notice() ? Future.succeededFuture() : actor.refuse(Refusal.NO_SUCH_NICK, whisper.nick());
          }
          return direct(ActorRef.parse(found.string(1))).compose(session -> session.send(ChatProtocol.RECIPIENT,
              whisper.notice() ? ChatProtocol.PRIVATE_NOTICE : ChatProtocol.PRIVATE_MESSAGE, mask(),
              whisper.text()));
        })
        .recover(failure -> whisper.notice() ? Future.succeededFuture()
            : isGone(failure) ? actor.refuse(Refusal.NO_SUCH_NICK, whisper.nick())
            : actor.failed("PRIVMSG", failure));
  }

  /**
   * True if the nick's holder no longer exists: it quit a moment ago, and the nick map
   * (released on a path of its own) still named it.
   */
  private static boolean isGone(Throwable failure) {
    return failure instanceof SessionSetupException setup && setup.reason() == SetupFailure.UNKNOWN_ACTOR;
  }

  private Future<Conversation> direct(ActorRef recipient) {
    Conversation known = directs.get(recipient);
    if (known != null && known.isActive()) {
      return Future.succeededFuture(known);
    }
    return actor.context().startSession(ChatProtocol.DIRECT_MESSAGE, ChatProtocol.SENDER,
        Map.of(ChatProtocol.RECIPIENT, recipient)).onSuccess(session -> directs.put(recipient, session));
  }

  // --- callbacks

  void received(Conversation conversation, SessionMessage message) {
    if (ChatProtocol.DIRECT_MESSAGE.equals(conversation.protocol())) {
      actor.tell(new ClientEvent.DirectMessage(message.string(0), message.string(1),
          ChatProtocol.PRIVATE_NOTICE.equals(message.label())));
      return;
    }
    Presence presence = presenceOf(conversation.sessionId());
    if (presence == null) {
      return;
    }
    if (ChatProtocol.PRESENT.equals(message.label())) {
      PresenceEvents.Present present = PresenceEvents.present(message);
      presence.hostNode = present.hostNode();
      presence.topic = present.topic();
      actor.tell(presence.lostNode == null
          ? new ClientEvent.Present(presence.room, present.topic(), present.hostNode(), present.members())
          : new ClientEvent.Rehomed(presence.room, presence.lostNode, present.hostNode(), present.topic(),
              present.members()));
      presence.shown.tryComplete();
    } else if (ChatProtocol.MEMBERS.equals(message.label()) && presence.membersAsked != null) {
      Promise<List<String>> asked = presence.membersAsked;
      presence.membersAsked = null;
      asked.complete(PresenceEvents.strings(message.payload().get(0)));
    } else {
      PresenceEvents.from(presence.room, message).ifPresent(event -> {
        if (event instanceof ClientEvent.TopicChanged changed) {
          presence.topic = changed.topic(); // kept to set it again should the room be lost
        }
        actor.tell(event);
      });
    }
  }

  void ended(Conversation conversation) {
    if (ChatProtocol.NICK_REGISTRY.equals(conversation.protocol())) {
      nickSession = null;
    } else if (ChatProtocol.DIRECT_MESSAGE.equals(conversation.protocol())) {
      directs.values().removeIf(session -> session.sessionId().equals(conversation.sessionId()));
    } else if (ChatProtocol.CHANNEL_PRESENCE.equals(conversation.protocol())) {
      Presence presence = presenceOf(conversation.sessionId());
      if (presence != null) {
        presence.shown.tryFail("presence ended");
        if (presence.membersAsked != null) {
          presence.membersAsked.tryFail("presence ended");
        }
      }
    }
  }

  private Presence presenceOf(String sessionId) {
    for (Presence presence : presences.values()) {
      if (presence.session.sessionId().equals(sessionId)) {
        return presence;
      }
    }
    return null;
  }
}
