package org.sessionchat.chat.irc;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.sessionchat.chat.actor.ClientEvent;
import org.sessionchat.chat.actor.ClientTransport;
import org.sessionchat.chat.actor.ForwardingClientTransport;
import org.sessionchat.chat.net.BroadcastLines;
import org.sessionchat.chat.wire.AsciiCase;

/**
 * A client actor's {@link ClientEvent}s as IRC lines: chat lines as {@code PRIVMSG}s with
 * the speaker as this client was shown them, members joining, parting, quitting and
 * renamed, topics, names, refusals as numerics, a channel re-created on a survivor.
 *
 * <p>Why a class of its own: formatting an event is also where the client's view changes
 * (who it was shown in which channel, its nick, registration); that happens here, on the
 * actor's context, in the {@link IrcClientState} the commands read. The formatting runs once
 * per delivery, so a chat line costs a look-up of its speaker's mask ({@link IrcChannels#speakerOf}) and nothing more.
 */
final class IrcEvents {

  private final IrcClientState client;
  private final IrcChannels channels; // the client's, held here: a chat line's speaker is looked up per delivery
  private final IrcReplies replies;

  IrcEvents(IrcClientState client, IrcReplies replies) {
    this.client = client;
    this.channels = client.channels();
    this.replies = replies;
  }

  /**
   * The transport to hand the client actor: it formats each event on the actor's context
   * (where the client's state is) and passes the lines on to {@code socketSide}.
   */
  ClientTransport actorSide(ClientTransport socketSide) {
    return new ForwardingClientTransport(socketSide) {
      @Override
      public void deliver(ClientEvent event) {
        if (event instanceof ClientEvent.Message message) {
          // the common case: the speaker as this client knows them, the line encoded on the socket's loop once for all
          socketSide.deliver(new ClientEvent.ShownMessage(channels.speakerOf(message), message));
          return;
        }
        List<String> lines = new ArrayList<>(4);
        format(event, lines::add);
        if (!lines.isEmpty()) {
          socketSide.deliver(new ClientEvent.Invalid(String.join(IrcWire.CRLF, lines)));
        }
      }
    };
  }

  /** The lines that tell the client {@code event}; on the actor's context. */
  void format(ClientEvent event, Consumer<String> out) {
    if (event instanceof ClientEvent.Message message) {
      out.accept(privmsg(message));
    } else if (event instanceof ClientEvent.ShownMessage shown) {
      out.accept(BroadcastLines.privmsgText(shown.speaker(), shown.message().room(), shown.message().nickAndText()));
    } else if (event instanceof ClientEvent.Invalid lines) {
      eachLine(lines.error(), out);
    } else if (event instanceof ClientEvent.NickSet set) {
      nickSet(set.nick(), out);
    } else if (event instanceof ClientEvent.UserSet set) {
      client.user(set.user());
      replies.registerIfComplete(out);
    } else if (event instanceof ClientEvent.Present present) {
      present(present, out);
    } else if (event instanceof ClientEvent.Rehomed rehomed) {
      rehomed(rehomed, out);
    } else if (event instanceof ClientEvent.Left left) {
      channels.close(left.room());
      out.accept(":" + client.mask() + " PART #" + left.room() + trailing(left.reason()));
    } else if (event instanceof ClientEvent.RoomOffline offline) {
      channels.close(offline.room());
      out.accept(":" + client.server() + " KICK #" + offline.room() + " " + client.nick()
          + " :The channel was lost with its node and could not be re-created");
    } else {
      membersEvent(event, out);
    }
  }

  /** Each non-empty line of {@code lines} (joined by CR LF) to {@code out}; no regular expression per line. */
  static void eachLine(String lines, Consumer<String> out) {
    int start = 0;
    for (int end = lines.indexOf(IrcWire.CRLF); end >= 0; end = lines.indexOf(IrcWire.CRLF, start)) {
      if (end > start) {
        out.accept(lines.substring(start, end));
      }
      start = end + IrcWire.CRLF.length();
    }
    if (start < lines.length()) {
      out.accept(start == 0 ? lines : lines.substring(start));
    }
  }

  /** A room's chat line as this client's {@code PRIVMSG}, the speaker as the client was shown it. */
  private String privmsg(ClientEvent.Message message) {
    return BroadcastLines.privmsgText(channels.speakerOf(message), message.room(), message.nickAndText());
  }

  private void membersEvent(ClientEvent event, Consumer<String> out) {
    if (event instanceof ClientEvent.MemberJoined joined) {
      IrcChannels.Channel channel = channels.open(joined.room());
      if (channels.add(channel, new IrcChannels.Member(joined.mask(), joined.node()))) {
        out.accept(":" + joined.mask() + " JOIN #" + joined.room());
      }
    } else if (event instanceof ClientEvent.MemberParted parted) {
      if (channels.remove(parted.room(), IrcChannels.nickOf(parted.mask())).isPresent()) {
        out.accept(":" + parted.mask() + " PART #" + parted.room() + trailing(parted.reason()));
      }
    } else if (event instanceof ClientEvent.MemberQuit quit) {
      if (channels.removeEverywhere(IrcChannels.nickOf(quit.mask()))) {
        out.accept(":" + quit.mask() + " QUIT :" + quit.reason());
      }
    } else if (event instanceof ClientEvent.MemberRenamed renamed) {
      String oldNick = IrcChannels.nickOf(renamed.mask());
      String newMask = renamed.nick() + renamed.mask().substring(oldNick.length());
      if (channels.renameEverywhere(oldNick, renamed.nick(), newMask)) {
        out.accept(":" + renamed.mask() + " NICK :" + renamed.nick());
      }
    } else if (event instanceof ClientEvent.TopicChanged changed) {
      channels.get(changed.room()).ifPresent(channel -> channel.topic = changed.topic());
      out.accept(":" + changed.topic().setBy() + " TOPIC #" + changed.room() + " :" + changed.topic().text());
    } else if (event instanceof ClientEvent.Noticed noticed) {
      out.accept(":" + noticed.mask() + " NOTICE #" + noticed.room() + " :" + noticed.text());
    } else if (event instanceof ClientEvent.Members members) {
      channels.get(members.room()).ifPresent(channel -> channels.replaceMembers(channel, members.members()));
      namesLines(members.room(), out);
    } else if (event instanceof ClientEvent.DirectMessage direct) {
      out.accept(":" + direct.mask() + (direct.notice() ? " NOTICE " : " PRIVMSG ") + client.nick() + " :"
          + direct.text());
    } else if (event instanceof ClientEvent.RoomList list) {
      out.accept(client.line(321, "Channel :Users  Name"));
      for (String room : list.rooms()) {
        Optional<IrcChannels.Channel> channel = channels.get(room);
        out.accept(client.line(322, "#" + room + " " + channel.map(c -> c.members.size()).orElse(0) + " :"
            + channel.map(c -> c.topic.text()).orElse("")));
      }
      out.accept(client.line(323, ":End of /LIST"));
    } else if (event instanceof ClientEvent.Refused refused) {
      out.accept(refusal(refused));
    } else if (event instanceof ClientEvent.Violation violation) {
      out.accept(":" + client.server() + " NOTICE " + client.target() + " :*** Refused by the session monitor: "
          + violation.violation().label() + " in " + violation.violation().protocol());
    }
    // Welcome, Joined, Pong, RoomCreated: nothing to show (registration, Present and PING answer for them)
  }

  private void nickSet(String newNick, Consumer<String> out) {
    if (!client.registered()) {
      client.nick(newNick);
      replies.registerIfComplete(out);
      return;
    }
    String oldMask = client.mask();
    String oldNick = client.nick();
    client.nick(newNick);
    channels.renameEverywhere(oldNick, newNick, client.mask());
    out.accept(":" + oldMask + " NICK :" + newNick);
  }

  private void present(ClientEvent.Present present, Consumer<String> out) {
    IrcChannels.Channel channel = channels.open(present.room());
    channels.replaceMembers(channel, present.members());
    channel.topic = present.topic();
    out.accept(":" + client.mask() + " JOIN #" + present.room());
    replies.topic(channel, false, out);
    namesLines(present.room(), out);
  }

  /**
   * The channel's room was re-created on a survivor: say so, show members lost with the old
   * host as quitting, members not shown yet as joining; members shown all along stay.
   */
  private void rehomed(ClientEvent.Rehomed rehomed, Consumer<String> out) {
    IrcChannels.Channel channel = channels.open(rehomed.room());
    out.accept(":" + client.server() + " NOTICE #" + rehomed.room() + " :*** Node " + rehomed.lostNode()
        + " hosting #" + rehomed.room() + " was lost; the channel lives on " + rehomed.hostNode()
        + " now and you are still in it");
    for (IrcChannels.Member member : List.copyOf(channel.members.values())) {
      if (member.node().equals(rehomed.lostNode()) && !AsciiCase.same(member.nick(), client.nick())
          && channels.removeEverywhere(member.nick())) {
        out.accept(":" + member.mask() + " QUIT :Lost with node " + rehomed.lostNode());
      }
    }
    for (String entry : rehomed.members()) {
      IrcChannels.Member member = IrcChannels.Member.of(entry);
      if (channels.add(channel, member) && !AsciiCase.same(member.nick(), client.nick())) {
        out.accept(":" + member.mask() + " JOIN #" + rehomed.room());
      }
    }
  }

  /** 353 lines of at most about 400 bytes, then 366; the channel as its room spells it, if the client is in it. */
  private void namesLines(String asked, Consumer<String> out) {
    Optional<IrcChannels.Channel> channel = channels.get(asked);
    String room = channel.map(shown -> shown.room).orElse(asked);
    if (channel.isPresent()) {
      StringBuilder names = new StringBuilder();
      for (IrcChannels.Member member : channel.get().members.values()) {
        if (names.length() + member.nick().length() > 400) {
          out.accept(client.line(353, "= #" + room + " :" + names));
          names.setLength(0);
        }
        names.append(names.length() == 0 ? "" : " ").append(member.nick());
      }
      if (names.length() > 0) {
        out.accept(client.line(353, "= #" + room + " :" + names));
      }
    }
    out.accept(client.line(366, "#" + room + " :End of /NAMES list"));
  }

  private String refusal(ClientEvent.Refused refused) {
    String arg = refused.argument();
    return switch (refused.refusal()) {
      case NICK_IN_USE -> client.line(433, arg + " :Nickname is already in use");
      case NO_SUCH_NICK -> client.line(401, arg + " :No such nick/channel");
      case NOT_ON_CHANNEL, NOT_IN_ROOM -> client.line(442, "#" + arg + " :You're not on that channel");
      case CANNOT_SEND -> client.line(404, "#" + arg + " :Cannot send to channel");
      case ROOM_NOT_FOUND -> client.line(403, "#" + arg + " :No such channel");
      case ROOM_FULL -> client.line(471, "#" + arg + " :Cannot join channel (+l)");
      case TOO_MANY_ROOMS -> client.line(405, "#" + arg + " :This node hosts as many channels as it may");
      case ROOM_EXISTS, IN_ROOM, UNAVAILABLE -> ":" + client.server() + " NOTICE " + client.target() + " :*** "
          + arg + " could not be served now; try again";
    };
  }

  private static String trailing(String reason) {
    return reason == null || reason.isEmpty() ? "" : " :" + reason;
  }
}
