package org.sessionchat.chat.actor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sessionchat.session.Conversation;
import org.sessionchat.session.SessionMessage;

/**
 * A room's side of its {@code ChannelPresence} sessions: who is in the channel (IRC
 * members), its topic, and the notices that go to every other member.
 *
 * <p>Why kept by the room: the room is the one place that sees every member come and go,
 * on whatever node. A member that ends its session without {@code part} or {@code quit}
 * was lost with its connection or its node; the others get a {@code memberQuit} that names
 * its node. Used from the room's context only.
 */
final class ChannelPresences {

  /** One IRC member: its session, {@code nick!user@host} and the node it is connected to. */
  private static final class Member {
    final Conversation session;
    String mask;
    final String node;
    boolean gone;

    Member(Conversation session, String mask, String node) {
      this.session = session;
      this.mask = mask;
      this.node = node;
    }
  }

  private final String room;
  private final String hostNode;
  private final Map<String, Member> members = new LinkedHashMap<>();
  private ClientEvent.Topic topic = new ClientEvent.Topic("", "", 0);

  ChannelPresences(String room, String hostNode) {
    this.room = room;
    this.hostNode = hostNode;
  }

  void received(Conversation from, SessionMessage message) {
    Member member = members.get(from.sessionId());
    switch (message.label()) {
      case ChatProtocol.HELLO -> hello(from, message.string(0), message.string(1));
      case ChatProtocol.SET_TOPIC -> {
        if (member != null) {
          topic = new ClientEvent.Topic(message.string(0), member.mask, System.currentTimeMillis() / 1000);
          broadcast(null, ChatProtocol.TOPIC_CHANGED, PresenceEvents.topic(topic));
        }
      }
      case ChatProtocol.RENAMED -> {
        if (member != null) {
          String old = member.mask;
          member.mask = message.string(0);
          broadcast(member, ChatProtocol.MEMBER_RENAMED, old, nickOf(member.mask));
        }
      }
      case ChatProtocol.CHANNEL_NOTICE -> {
        if (member != null) {
          broadcast(member, ChatProtocol.NOTICED, member.mask, message.string(0));
        }
      }
      case ChatProtocol.ASK_MEMBERS -> from.send(ChatProtocol.MEMBER, ChatProtocol.MEMBERS, entries());
      case ChatProtocol.PART -> leave(member, ChatProtocol.MEMBER_PARTED, message.string(0));
      case ChatProtocol.QUIT -> leave(member, ChatProtocol.MEMBER_QUIT, message.string(0));
      default -> {
      }
    }
  }

  private void hello(Conversation from, String mask, String node) {
    Member member = new Member(from, mask, node);
    members.put(from.sessionId(), member);
    from.send(ChatProtocol.MEMBER, ChatProtocol.PRESENT, PresenceEvents.present(topic, hostNode, entries()));
    broadcast(member, ChatProtocol.MEMBER_JOINED, mask, node);
  }

  private void leave(Member member, String label, String reason) {
    if (member != null && !member.gone) {
      member.gone = true;
      members.remove(member.session.sessionId());
      broadcast(member, label, member.mask, reason);
    }
  }

  /** A session that ended without part or quit: the member was lost with its connection or node. */
  void ended(Conversation session) {
    Member member = members.get(session.sessionId());
    if (member != null) {
      leave(member, ChatProtocol.MEMBER_QUIT, "Lost with node " + member.node);
    }
  }

  private void broadcast(Member except, String label, Object... payload) {
    for (Member member : members.values()) {
      if (member != except && member.session.isActive()) {
        member.session.send(ChatProtocol.MEMBER, label, payload);
      }
    }
  }

  private List<String> entries() {
    List<String> entries = new ArrayList<>(members.size());
    for (Member member : members.values()) {
      entries.add(PresenceEvents.entry(member.mask, member.node));
    }
    return entries;
  }

  private static String nickOf(String mask) {
    int bang = mask.indexOf('!');
    return bang < 0 ? mask : mask.substring(0, bang);
  }
}
