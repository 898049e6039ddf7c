package org.sessionchat.chat.actor;

import java.util.List;
import java.util.Optional;
import org.sessionchat.session.SessionMessage;

/**
 * Turns the {@code ChannelPresence} messages a channel sends a member into
 * {@link ClientEvent}s, and back for what a member sends.
 *
 * <p>Why apart: the payload positions of {@code protocols/ChannelPresence.scr} are spelled
 * here once, for the client actor and the room alike.
 */
final class PresenceEvents {

  private PresenceEvents() {
  }

  /** The event for a message of the channel's loop, or empty for {@code present} and unknown labels. */
  static Optional<ClientEvent> from(String room, SessionMessage message) {
    return Optional.ofNullable(switch (message.label()) {
      case ChatProtocol.MEMBER_JOINED -> new ClientEvent.MemberJoined(room, message.string(0), message.string(1));
      case ChatProtocol.MEMBER_PARTED -> new ClientEvent.MemberParted(room, message.string(0), message.string(1));
      case ChatProtocol.MEMBER_QUIT -> new ClientEvent.MemberQuit(room, message.string(0), message.string(1));
      case ChatProtocol.MEMBER_RENAMED -> new ClientEvent.MemberRenamed(room, message.string(0), message.string(1));
      case ChatProtocol.TOPIC_CHANGED -> new ClientEvent.TopicChanged(room, topic(message, 0));
      case ChatProtocol.NOTICED -> new ClientEvent.Noticed(room, message.string(0), message.string(1));
      case ChatProtocol.MEMBERS -> new ClientEvent.Members(room, strings(message.payload().get(0)));
      default -> null;
    });
  }

  /** {@code present(topic, setBy, setAt, hostNode, members)}. */
  record Present(ClientEvent.Topic topic, String hostNode, List<String> members) {
  }

  static Present present(SessionMessage message) {
    return new Present(topic(message, 0), message.string(3), strings(message.payload().get(4)));
  }

  /** The payload of {@code present}. */
  static Object[] present(ClientEvent.Topic topic, String hostNode, List<String> members) {
    return new Object[] {topic.text(), topic.setBy(), topic.setAt(), hostNode, members};
  }

  /** The payload of {@code topicChanged}. */
  static Object[] topic(ClientEvent.Topic topic) {
    return new Object[] {topic.text(), topic.setBy(), topic.setAt()};
  }

  private static ClientEvent.Topic topic(SessionMessage message, int at) {
    Object time = message.payload().get(at + 2);
    return new ClientEvent.Topic(message.string(at), message.string(at + 1),
        time instanceof Number number ? number.longValue() : 0L);
  }

  static List<String> strings(Object list) {
    return ((List<?>) list).stream().map(String::valueOf).toList();
  }

  /** A member entry of {@code present} and {@code members}: {@code nick!user@host node}. */
  static String entry(String mask, String node) {
    return mask + " " + node;
  }
}
