package org.sessionchat.chat.irc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sessionchat.chat.actor.ClientEvent;
import org.sessionchat.chat.wire.AsciiCase;

/**
 * What one IRC client has been shown of its channels: who is in each (as the client's own
 * list would have it) and each topic.
 *
 * <p>Why the connection keeps this: IRC shows a user's QUIT or NICK once, not once per
 * shared channel, and a channel re-created after its node died must not show members that
 * were there all along as joining again. Both need to know what the client has seen.
 * Nicks and channel names compare in ASCII lower case ({@link AsciiCase}); a channel keeps
 * the name as its room spells it, for every line that names it. Used from the connection's
 * context only.
 */
final class IrcChannels {

  /** A member as shown: {@code nick!user@host} and the node it is connected to. */
  record Member(String mask, String node) {

    String nick() {
      return nickOf(mask);
    }

    /** From a {@code present}/{@code members} entry {@code nick!user@host node}. */
    static Member of(String entry) {
      int space = entry.indexOf(' ');
      return space < 0 ? new Member(entry, "") : new Member(entry.substring(0, space), entry.substring(space + 1));
    }
  }

  /** One channel: its room's name as the room spells it, its members by lower-case nick and its topic. */
  static final class Channel {
    String room;
    final Map<String, Member> members = new LinkedHashMap<>();
    ClientEvent.Topic topic = new ClientEvent.Topic("", "", 0);

    Channel(String room) {
      this.room = room;
    }
  }

  /** By room name in lower case. */
  private final Map<String, Channel> channels = new LinkedHashMap<>();
  /** Chat lines' speakers as {@link #speakerOf} found them; emptied by every change below. */
  private final SpeakerMasks speakers = new SpeakerMasks();

  /** The channel of {@code room}, in any case. */
  Optional<Channel> get(String room) {
    return Optional.ofNullable(channels.get(key(room)));
  }

  /** How {@code nick} was shown in {@code room} ({@code nick!user@host}), or null if it was not. */
  private String maskOf(String room, String nick) {
    Channel channel = channels.get(key(room));
    Member member = channel == null ? null : channel.members.get(key(nick));
    return member == null ? null : member.mask();
  }

  /**
   * The speaker of a room's chat line as this client was shown them in its room: their
   * {@code nick!user@host}, or {@code nick!~nick@line} for a speaker it was not shown (a
   * line-protocol member, who is not in IRC's member lists). Asked once per delivery: recent
   * speakers are answered from {@link SpeakerMasks}.
   */
  String speakerOf(ClientEvent.Message line) {
    String kept = speakers.find(line.room(), line.nickAndText());
    if (kept != null) {
      return kept;
    }
    String nick = line.nick();
    String mask = maskOf(line.room(), nick);
    String speaker = mask != null ? mask : nick + "!~" + nick + "@line";
    speakers.keep(line.room(), line.nickAndText(), nick, speaker);
    return speaker;
  }

  /**
   * The channel of {@code room}, new or as it was; {@code room} is its spelling from now on
   * (a room re-created after its node died may be spelt otherwise).
   */
  Channel open(String room) {
    speakers.clear();
    Channel channel = channels.computeIfAbsent(key(room), key -> new Channel(room));
    channel.room = room;
    return channel;
  }

  void close(String room) {
    speakers.clear();
    channels.remove(key(room));
  }

  List<Channel> all() {
    return new ArrayList<>(channels.values());
  }

  /** Sets a channel's members to {@code entries}. */
  void replaceMembers(Channel channel, List<String> entries) {
    speakers.clear();
    channel.members.clear();
    entries.forEach(entry -> add(channel, Member.of(entry)));
  }

  /** Adds {@code member}; false if its nick was shown already. */
  boolean add(Channel channel, Member member) {
    speakers.clear();
    return channel.members.put(key(member.nick()), member) == null;
  }

  /** Removes {@code nick} from {@code room}; the member, if it was shown there. */
  Optional<Member> remove(String room, String nick) {
    speakers.clear();
    Channel channel = channels.get(key(room));
    return channel == null ? Optional.empty() : Optional.ofNullable(channel.members.remove(key(nick)));
  }

  /** Removes {@code nick} from every channel; true if it was shown in any. */
  boolean removeEverywhere(String nick) {
    speakers.clear();
    boolean shown = false;
    for (Channel channel : channels.values()) {
      shown |= channel.members.remove(key(nick)) != null;
    }
    return shown;
  }

  /** Renames {@code oldNick} in every channel; true if it was shown in any. */
  boolean renameEverywhere(String oldNick, String newNick, String newMask) {
    speakers.clear();
    boolean shown = false;
    for (Channel channel : channels.values()) {
      Member member = channel.members.remove(key(oldNick));
      if (member != null) {
        channel.members.put(key(newNick), new Member(newMask, member.node()));
        shown = true;
      }
    }
    return shown;
  }

  /** The member called {@code nick} in any channel. */
  Optional<Member> find(String nick) {
    for (Channel channel : channels.values()) {
      Member member = channel.members.get(key(nick));
      if (member != null) {
        return Optional.of(member);
      }
    }
    return Optional.empty();
  }

  static String nickOf(String mask) {
    int bang = mask.indexOf('!');
    return bang < 0 ? mask : mask.substring(0, bang);
  }

  /** A nick or room name as it compares: IRC's {@code ascii} case mapping. */
  static String key(String name) {
    return AsciiCase.fold(name);
  }
}
