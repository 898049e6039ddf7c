package org.sessionchat.chat.irc;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.sessionchat.chat.actor.ClientEvent;
import org.sessionchat.chat.actor.ClientTransport;
import org.sessionchat.chat.actor.ForwardingClientTransport;
import org.sessionchat.chat.actor.ClientTransport.CloseReason;
import org.sessionchat.chat.limits.Disconnect;
import org.sessionchat.chat.net.BroadcastLines;
import org.sessionchat.chat.net.WireFormat;
import org.sessionchat.chat.wire.AsciiCase;
import org.sessionchat.chat.wire.Command;
import org.sessionchat.chat.wire.Names;

/**
 * The IRC client protocol (RFC 2812 as the modern client protocol documents it) as a
 * {@link WireFormat}: IRC lines in, {@link Command}s to the client actor, its
 * {@link ClientEvent}s out as IRC lines. Channel {@code #deck} is the room {@code deck}, in
 * any case ({@code CASEMAPPING=ascii}); every line names a channel as its room spells it.
 *
 * <p>Why a parser that defers: whether a line is allowed (registered yet?) and what a
 * local answer says (WHO, TOPIC, MODE) depends on the replies to the lines before it, so
 * each line becomes a {@link Command.Deferred} that decides when its turn comes in the
 * actor's queue. Answers the actor need not be asked about travel as
 * {@link Command.Invalid} (lines already formatted), so they too come in order.
 *
 * <p>Why two sides: the client actor runs on a context of its own, the socket on the
 * server's. Everything this keeps (registration, nick, what the client was shown of its
 * channels) lives on the actor's context: the deferred commands decide there, and
 * {@link #actorSide} turns the actor's events into lines there; the socket's side only
 * writes lines already made, and the last lines of the shared stages.
 */
public final class IrcWire implements WireFormat {

  /** RFC 2812: 512 bytes with CR LF. */
  public static final int MAX_LINE = 510;
  public static final int NICK_LENGTH = 30;
  private static final String VERSION = "session-chat-0.1";
  private static final Pattern NICK = Pattern.compile("[A-Za-z\\[\\]\\\\`_^{|}][A-Za-z0-9\\[\\]\\\\`_^{|}-]{0,"
      + (NICK_LENGTH - 1) + "}");
  private static final String CRLF = "\r\n";
  private static final String CREATED = Instant.now().toString();

  private final String server;
  private final String host;
  private final IrcChannels channels = new IrcChannels();
  private volatile String nick; // also read by the socket's side, for the stages' lines
  private String user;
  private boolean capNegotiating;
  private boolean registered;

  /**
   * @param server the server name: the prefix of server replies, in 001-004
   * @param host   the client's address, the host part of its {@code nick!user@host}
   */
  public IrcWire(String server, String host) {
    this.server = server;
    this.host = host;
  }

  // --- in

  @Override
  public Command parse(String line) {
    IrcMessage message = IrcMessage.parse(line);
    return new Command.Deferred(() -> command(message));
  }

  private Command command(IrcMessage m) {
    switch (m.command()) {
      case "" -> {
        return nothing();
      }
      case "CAP" -> {
        return cap(m);
      }
      case "PING" -> {
        return m.param(0) == null ? numeric(409, ":No origin specified")
            : answer(":" + server + " PONG " + server + " :" + m.param(0));
      }
      case "PONG" -> {
        return nothing();
      }
      case "NICK" -> {
        return nick(m.param(0));
      }
      case "USER" -> {
        if (registered || user != null) {
          return numeric(462, ":You may not reregister");
        }
        return m.params().size() < 4 || m.param(0).isEmpty() ? needMore("USER")
            : new Command.User(m.param(0).startsWith("~") ? m.param(0) : "~" + m.param(0), m.param(3));
      }
      case "QUIT" -> {
        return new Command.Quit(m.param(0));
      }
      default -> {
        return registered ? registeredCommand(m) : numeric(451, ":You have not registered");
      }
    }
  }

  private Command registeredCommand(IrcMessage m) {
    return switch (m.command()) {
      case "JOIN" -> join(m);
      case "PART" -> part(m);
      case "PRIVMSG", "NOTICE" -> message(m, m.command().equals("NOTICE"));
      case "TOPIC" -> topic(m);
      case "NAMES" -> names(m);
      case "LIST" -> new Command.ListRooms();
      case "WHO" -> who(m.param(0));
      case "WHOIS" -> whois(m.params().isEmpty() ? null : m.params().get(m.params().size() - 1));
      case "MODE" -> mode(m);
      case "MOTD" -> answer(motd());
      case "AWAY" -> m.param(0) == null || m.param(0).isEmpty()
          ? numeric(305, ":You are no longer marked as being away")
          : numeric(306, ":You have been marked as being away");
      case "USERHOST" -> numeric(302, ":");
      case "ISON" -> numeric(303, ":");
      default -> numeric(421, m.command() + " :Unknown command");
    };
  }

  private Command cap(IrcMessage m) {
    String sub = m.param(0) == null ? "" : m.param(0).toUpperCase(java.util.Locale.ROOT);
    String target = nick == null ? "*" : nick;
    return switch (sub) {
      case "LS" -> {
        capNegotiating = !registered;
        yield answer(":" + server + " CAP " + target + " LS :");
      }
      case "LIST" -> answer(":" + server + " CAP " + target + " LIST :");
      case "REQ" -> {
        capNegotiating = !registered;
        yield answer(":" + server + " CAP " + target + " NAK :" + (m.param(1) == null ? "" : m.param(1)));
      }
      case "END" -> {
        capNegotiating = false;
        List<String> burst = new ArrayList<>();
        registerIfComplete(burst::add);
        yield burst.isEmpty() ? nothing() : answer(burst);
      }
      default -> numeric(410, (m.param(0) == null ? "*" : m.param(0)) + " :Invalid CAP command");
    };
  }

  private Command nick(String wanted) {
    if (wanted == null || wanted.isEmpty()) {
      return numeric(431, ":No nickname given");
    }
    if (!NICK.matcher(wanted).matches()) {
      return numeric(432, wanted + " :Erroneous nickname");
    }
    if (wanted.equals(nick)) {
      return nothing();
    }
    return new Command.Nick(wanted);
  }

  private Command join(IrcMessage m) {
    if (m.param(0) == null) {
      return needMore("JOIN");
    }
    if (m.param(0).equals("0")) {
      return new Command.Sequence(channels.all().stream()
          .map(channel -> (Command) new Command.Part(channel.room, null)).toList());
    }
    List<Command> joins = new ArrayList<>();
    for (String target : m.param(0).split(",")) {
      Optional<String> room = room(target);
      joins.add(room.isPresent() ? new Command.Join(room.get()) : numeric(403, target + " :No such channel"));
    }
    return new Command.Sequence(joins);
  }

  private Command part(IrcMessage m) {
    if (m.param(0) == null) {
      return needMore("PART");
    }
    List<Command> parts = new ArrayList<>();
    for (String target : m.param(0).split(",")) {
      Optional<String> room = room(target);
      parts.add(room.isPresent() ? new Command.Part(room.get(), m.param(1))
          : numeric(403, target + " :No such channel"));
    }
    return new Command.Sequence(parts);
  }

  private Command message(IrcMessage m, boolean notice) {
    if (m.param(0) == null || m.param(0).isEmpty()) {
      return notice ? nothing() : numeric(411, ":No recipient given (" + m.command() + ")");
    }
    if (m.param(1) == null || m.param(1).isEmpty()) {
      return notice ? nothing() : numeric(412, ":No text to send");
    }
    List<Command> sends = new ArrayList<>();
    for (String target : m.param(0).split(",")) {
      if (target.startsWith("#")) {
        Optional<String> room = room(target);
        sends.add(room.isPresent() ? new Command.Say(room.get(), m.param(1), notice)
            : numeric(403, target + " :No such channel"));
      } else if (NICK.matcher(target).matches()) {
        sends.add(new Command.Whisper(target, m.param(1), notice));
      } else {
        sends.add(numeric(401, target + " :No such nick/channel"));
      }
    }
    return new Command.Sequence(sends);
  }

  private Command topic(IrcMessage m) {
    if (m.param(0) == null) {
      return needMore("TOPIC");
    }
    Optional<String> room = room(m.param(0));
    if (room.isEmpty()) {
      return numeric(403, m.param(0) + " :No such channel");
    }
    if (m.params().size() > 1) {
      return new Command.SetTopic(room.get(), m.param(1));
    }
    Optional<IrcChannels.Channel> channel = channels.get(room.get());
    if (channel.isEmpty()) {
      return numeric(442, m.param(0) + " :You're not on that channel");
    }
    List<String> lines = new ArrayList<>();
    topicLines(channel.get(), true, lines::add);
    return answer(lines);
  }

  private Command names(IrcMessage m) {
    if (m.param(0) == null) {
      return numeric(366, "* :End of /NAMES list");
    }
    List<Command> names = new ArrayList<>();
    for (String target : m.param(0).split(",")) {
      Optional<String> room = room(target);
      names.add(room.isPresent() ? new Command.Names(room.get()) : numeric(366, target + " :End of /NAMES list"));
    }
    return new Command.Sequence(names);
  }

  private Command who(String mask) {
    List<String> lines = new ArrayList<>();
    String shown = mask == null ? "*" : shownChannel(mask);
    if (mask != null && mask.startsWith("#")) {
      room(mask).flatMap(channels::get).ifPresent(channel -> channel.members.values()
          .forEach(member -> lines.add(whoLine(shown, member))));
    } else if (mask != null) {
      channels.find(mask).ifPresent(member -> lines.add(whoLine("*", member)));
    }
    lines.add(line(315, shown + " :End of WHO list"));
    return answer(lines);
  }

  private String whoLine(String channel, IrcChannels.Member member) {
    String mask = member.mask();
    int bang = mask.indexOf('!');
    int at = mask.indexOf('@');
    String memberUser = bang < 0 || at < bang ? "~" + member.nick() : mask.substring(bang + 1, at);
    String memberHost = at < 0 ? "line" : mask.substring(at + 1);
    String node = member.node().isEmpty() ? server : member.node();
    return line(352, channel + " " + memberUser + " " + memberHost + " " + node + " " + member.nick()
        + " H :0 " + member.nick());
  }

  private Command whois(String target) {
    if (target == null) {
      return numeric(431, ":No nickname given");
    }
    List<String> lines = new ArrayList<>();
    Optional<IrcChannels.Member> member = AsciiCase.same(target, nick)
        ? Optional.of(new IrcChannels.Member(mask(), server)) : channels.find(target);
    if (member.isEmpty()) {
      lines.add(line(401, target + " :No such nick/channel"));
    } else {
      String mask = member.get().mask();
      int bang = mask.indexOf('!');
      int at = mask.indexOf('@');
      String whoUser = bang < 0 || at < bang ? "~" + target : mask.substring(bang + 1, at);
      String whoHost = at < 0 ? "line" : mask.substring(at + 1);
      lines.add(line(311, member.get().nick() + " " + whoUser + " " + whoHost + " * :" + member.get().nick()));
      lines.add(line(312, member.get().nick() + " " + member.get().node() + " :session-chat node"));
    }
    lines.add(line(318, target + " :End of /WHOIS list"));
    return answer(lines);
  }

  private Command mode(IrcMessage m) {
    String target = m.param(0);
    if (target == null) {
      return needMore("MODE");
    }
    String modes = m.param(1);
    if (!target.startsWith("#")) {
      if (!AsciiCase.same(target, nick)) {
        return numeric(502, ":Cant change mode for other users");
      }
      return numeric(221, "+");
    }
    Optional<String> room = room(target);
    if (room.isEmpty()) {
      return numeric(403, target + " :No such channel");
    }
    String channel = shownChannel(target);
    if (modes == null) {
      return numeric(324, channel + " +n");
    }
    return switch (modes.replace("+", "")) {
      case "b" -> numeric(368, channel + " :End of channel ban list");
      case "e" -> numeric(349, channel + " :End of channel exception list");
      case "I" -> numeric(347, channel + " :End of channel invite list");
      default -> numeric(482, channel + " :You're not channel operator");
    };
  }

  // --- out

  /**
   * The transport to hand the client actor: it formats each event on the actor's context
   * (where this format's state is) and passes the lines on to {@code socketSide}.
   */
  public ClientTransport actorSide(ClientTransport socketSide) {
    return new ForwardingClientTransport(socketSide) {
      @Override
      public void deliver(ClientEvent event) {
        if (event instanceof ClientEvent.Message message) {
          // the common case: the speaker as this client knows them, the line encoded on the socket's loop once for all
          socketSide.deliver(new ClientEvent.ShownMessage(speakerMask(message), message));
          return;
        }
        List<String> lines = new ArrayList<>(4);
        format(event, lines::add);
        if (!lines.isEmpty()) {
          socketSide.deliver(new ClientEvent.Invalid(String.join(CRLF, lines)));
        }
      }
    };
  }

  /** A channel's {@code PRIVMSG} as the actor's side named its speaker, from the lines shared on this event loop. */
  @Override
  public byte[] sharedLine(ClientEvent event, BroadcastLines lines) {
    return event instanceof ClientEvent.ShownMessage shown
        ? lines.privmsg(shown.speaker(), shown.message().room(), shown.message().nickAndText()) : null;
  }

  /** The socket's side: lines the actor's side made (or, used without it, the event's lines). */
  @Override
  public void deliver(ClientEvent event, Consumer<String> out) {
    if (event instanceof ClientEvent.Invalid lines) {
      eachLine(lines.error(), out);
    } else {
      format(event, out);
    }
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
      user = set.user();
      registerIfComplete(out);
    } else if (event instanceof ClientEvent.Present present) {
      present(present, out);
    } else if (event instanceof ClientEvent.Rehomed rehomed) {
      rehomed(rehomed, out);
    } else if (event instanceof ClientEvent.Left left) {
      channels.close(left.room());
      out.accept(":" + mask() + " PART #" + left.room() + trailing(left.reason()));
    } else if (event instanceof ClientEvent.RoomOffline offline) {
      channels.close(offline.room());
      out.accept(":" + server + " KICK #" + offline.room() + " " + nick
          + " :The channel was lost with its node and could not be re-created");
    } else {
      membersEvent(event, out);
    }
  }

  /** A room's chat line as this client's {@code PRIVMSG}, the speaker as the client was shown it. */
  private String privmsg(ClientEvent.Message message) {
    return BroadcastLines.privmsgText(speakerMask(message), message.room(), message.nickAndText());
  }

  /** The speaker of a room's chat line as this client was shown them: {@code nick!user@host}. */
  private String speakerMask(ClientEvent.Message message) {
    String speaker = message.nick();
    String mask = channels.maskOf(message.room(), speaker);
    return mask != null ? mask : speaker + "!~" + speaker + "@line";
  }

  /** Each non-empty line of {@code lines} (joined by CR LF) to {@code out}; no regular expression per line. */
  private static void eachLine(String lines, Consumer<String> out) {
    int start = 0;
    for (int end = lines.indexOf(CRLF); end >= 0; end = lines.indexOf(CRLF, start)) {
      if (end > start) {
        out.accept(lines.substring(start, end));
      }
      start = end + CRLF.length();
    }
    if (start < lines.length()) {
      out.accept(start == 0 ? lines : lines.substring(start));
    }
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
      out.accept(":" + direct.mask() + (direct.notice() ? " NOTICE " : " PRIVMSG ") + nick + " :" + direct.text());
    } else if (event instanceof ClientEvent.RoomList list) {
      out.accept(line(321, "Channel :Users  Name"));
      for (String room : list.rooms()) {
        Optional<IrcChannels.Channel> channel = channels.get(room);
        out.accept(line(322, "#" + room + " " + channel.map(c -> c.members.size()).orElse(0) + " :"
            + channel.map(c -> c.topic.text()).orElse("")));
      }
      out.accept(line(323, ":End of /LIST"));
    } else if (event instanceof ClientEvent.Refused refused) {
      out.accept(refusal(refused));
    } else if (event instanceof ClientEvent.Violation violation) {
      out.accept(":" + server + " NOTICE " + target() + " :*** Refused by the session monitor: "
          + violation.violation().label() + " in " + violation.violation().protocol());
    }
    // Welcome, Joined, Pong, RoomCreated: nothing to show (registration, Present and PING answer for them)
  }

  private void nickSet(String newNick, Consumer<String> out) {
    if (!registered) {
      nick = newNick;
      registerIfComplete(out);
      return;
    }
    String oldMask = mask();
    String oldNick = nick;
    nick = newNick;
    channels.renameEverywhere(oldNick, newNick, mask());
    out.accept(":" + oldMask + " NICK :" + newNick);
  }

  private void present(ClientEvent.Present present, Consumer<String> out) {
    IrcChannels.Channel channel = channels.open(present.room());
    channels.replaceMembers(channel, present.members());
    channel.topic = present.topic();
    out.accept(":" + mask() + " JOIN #" + present.room());
    topicLines(channel, false, out);
    namesLines(present.room(), out);
  }

  /**
   * The channel's room was re-created on a survivor: say so, show members lost with the old
   * host as quitting, members not shown yet as joining; members shown all along stay.
   */
  private void rehomed(ClientEvent.Rehomed rehomed, Consumer<String> out) {
    IrcChannels.Channel channel = channels.open(rehomed.room());
    out.accept(":" + server + " NOTICE #" + rehomed.room() + " :*** Node " + rehomed.lostNode()
        + " hosting #" + rehomed.room() + " was lost; the channel lives on " + rehomed.hostNode()
        + " now and you are still in it");
    for (IrcChannels.Member member : List.copyOf(channel.members.values())) {
      if (member.node().equals(rehomed.lostNode()) && !AsciiCase.same(member.nick(), nick)
          && channels.removeEverywhere(member.nick())) {
        out.accept(":" + member.mask() + " QUIT :Lost with node " + rehomed.lostNode());
      }
    }
    for (String entry : rehomed.members()) {
      IrcChannels.Member member = IrcChannels.Member.of(entry);
      if (channels.add(channel, member) && !AsciiCase.same(member.nick(), nick)) {
        out.accept(":" + member.mask() + " JOIN #" + rehomed.room());
      }
    }
  }

  private void topicLines(IrcChannels.Channel channel, boolean sayNone, Consumer<String> out) {
    if (channel.topic.text().isEmpty()) {
      if (sayNone) {
        out.accept(line(331, "#" + channel.room + " :No topic is set"));
      }
      return;
    }
    out.accept(line(332, "#" + channel.room + " :" + channel.topic.text()));
    out.accept(line(333, "#" + channel.room + " " + IrcChannels.nickOf(channel.topic.setBy()) + " "
        + channel.topic.setAt()));
  }

  /** 353 lines of at most about 400 bytes, then 366; the channel as its room spells it, if the client is in it. */
  private void namesLines(String asked, Consumer<String> out) {
    Optional<IrcChannels.Channel> channel = channels.get(asked);
    String room = channel.map(shown -> shown.room).orElse(asked);
    if (channel.isPresent()) {
      StringBuilder names = new StringBuilder();
      for (IrcChannels.Member member : channel.get().members.values()) {
        if (names.length() + member.nick().length() > 400) {
          out.accept(line(353, "= #" + room + " :" + names));
          names.setLength(0);
        }
        names.append(names.length() == 0 ? "" : " ").append(member.nick());
      }
      if (names.length() > 0) {
        out.accept(line(353, "= #" + room + " :" + names));
      }
    }
    out.accept(line(366, "#" + room + " :End of /NAMES list"));
  }

  private String refusal(ClientEvent.Refused refused) {
    String arg = refused.argument();
    return switch (refused.refusal()) {
      case NICK_IN_USE -> line(433, arg + " :Nickname is already in use");
      case NO_SUCH_NICK -> line(401, arg + " :No such nick/channel");
      case NOT_ON_CHANNEL, NOT_IN_ROOM -> line(442, "#" + arg + " :You're not on that channel");
      case CANNOT_SEND -> line(404, "#" + arg + " :Cannot send to channel");
      case ROOM_NOT_FOUND -> line(403, "#" + arg + " :No such channel");
      case ROOM_FULL -> line(471, "#" + arg + " :Cannot join channel (+l)");
      case TOO_MANY_ROOMS -> line(405, "#" + arg + " :This node hosts as many channels as it may");
      case ROOM_EXISTS, IN_ROOM, UNAVAILABLE -> ":" + server + " NOTICE " + target() + " :*** " + arg
          + " could not be served now; try again";
    };
  }

  private void registerIfComplete(Consumer<String> out) {
    if (registered || nick == null || user == null || capNegotiating) {
      return;
    }
    registered = true;
    out.accept(line(1, ":Welcome to the session-chat IRC network, " + mask()));
    out.accept(line(2, ":Your host is " + server + ", running version " + VERSION));
    out.accept(line(3, ":This server was created " + CREATED));
    out.accept(line(4, server + " " + VERSION + " i n"));
    out.accept(line(5, "CASEMAPPING=ascii CHANTYPES=# NICKLEN=" + NICK_LENGTH + " CHANNELLEN="
        + (Names.MAX_LENGTH + 1) + " TOPICLEN=390 PREFIX=() CHANMODES=,,,n NETWORK=session-chat"
        + " :are supported by this server"));
    motd().forEach(out);
  }

  private List<String> motd() {
    return List.of(
        line(375, ":- " + server + " Message of the day - "),
        line(372, ":- session-chat: every channel is a chat room of the cluster, shared with"),
        line(372, ":- line-protocol clients; #deck here is the room deck there."),
        line(372, ":- A channel whose node dies is re-created on a surviving node."),
        line(376, ":End of /MOTD command."));
  }

  @Override
  public void closing(CloseReason reason, Consumer<String> out) {
    out.accept(switch (reason) {
      case CLIENT_QUIT -> "ERROR :Closing link: " + host + " (Quit)";
      case NODE_SHUTDOWN -> "ERROR :Closing link: " + host + " (Server shutting down)";
      case ACTOR_STOPPED -> "ERROR :Closing link: " + host;
    });
  }

  @Override
  public String lastLine(Disconnect reason) {
    return switch (reason) {
      case IDLE -> "ERROR :Closing link: " + host + " (Ping timeout)";
      case FLOOD -> "ERROR :Closing link: " + host + " (Excess flood)";
      case NODE_FULL, ADDRESS_FULL -> "ERROR :Closing link: " + host + " (Too many connections)";
      case UNENDED_LINE -> "ERROR :Closing link: " + host + " (Input line was too long)";
      case SLOW_CONSUMER -> null;
    };
  }

  @Override
  public String keepAlive() {
    return "PING :" + server;
  }

  @Override
  public String lineEnd() {
    return CRLF;
  }

  @Override
  public boolean allowsFormattingCodes() {
    return true;
  }

  @Override
  public String lineTooLong() {
    return line(417, ":Input line was too long");
  }

  @Override
  public String badEncoding() {
    return ":" + server + " NOTICE " + target() + " :*** Line dropped: not UTF-8, or a NUL or CR in it";
  }

  // --- helpers

  /** {@code #name} as the client was shown it: its room's spelling if the client is in it, else as given. */
  private String shownChannel(String channel) {
    return room(channel).flatMap(channels::get).map(shown -> "#" + shown.room).orElse(channel);
  }

  /** {@code #name} to the room {@code name} (in the case given), if it is a valid channel name. */
  static Optional<String> room(String channel) {
    if (channel == null || !channel.startsWith("#")) {
      return Optional.empty();
    }
    String room = channel.substring(1);
    return Names.isValid(room) ? Optional.of(room) : Optional.empty();
  }

  private String mask() {
    return nick + "!" + (user == null ? "~" + nick : user) + "@" + host;
  }

  private String target() {
    return nick == null ? "*" : nick;
  }

  private String line(int code, String rest) {
    return ":" + server + " " + String.format("%03d", code) + " " + target() + " " + rest;
  }

  private Command numeric(int code, String rest) {
    return answer(line(code, rest));
  }

  private Command needMore(String command) {
    return numeric(461, command + " :Not enough parameters");
  }

  private static Command answer(String line) {
    return new Command.Invalid(line);
  }

  private static Command answer(List<String> lines) {
    return new Command.Invalid(String.join(CRLF, lines));
  }

  private static Command nothing() {
    return new Command.Local(() -> { });
  }

  private static String trailing(String reason) {
    return reason == null || reason.isEmpty() ? "" : " :" + reason;
  }
}
