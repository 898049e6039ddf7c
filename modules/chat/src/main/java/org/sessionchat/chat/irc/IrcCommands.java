package org.sessionchat.chat.irc;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.sessionchat.chat.wire.AsciiCase;
import org.sessionchat.chat.wire.Command;
import org.sessionchat.chat.wire.Names;

/**
 * A client's IRC lines as {@link Command}s to its actor, and the answers to what the
 * connection knows itself (PING, CAP, WHO, WHOIS, MODE, a topic asked for, the numerics of a
 * line that is wrong or not allowed yet).
 *
 * <p>Why a parser that defers: whether a line is allowed (registered yet?) and what a local
 * answer says depends on the replies to the lines before it, so each line becomes a
 * {@link Command.Deferred} that decides when its turn comes in the actor's queue, with the
 * {@link IrcClientState} the events have brought up to date. Answers the actor need not be
 * asked about travel as {@link Command.Invalid} (lines already formatted), so they too come
 * in order.
 */
final class IrcCommands {

  private static final Pattern NICK = Pattern.compile("[A-Za-z\\[\\]\\\\`_^{|}][A-Za-z0-9\\[\\]\\\\`_^{|}-]{0,"
      + (IrcWire.NICK_LENGTH - 1) + "}");

  private final IrcClientState client;
  private final IrcReplies replies;

  IrcCommands(IrcClientState client, IrcReplies replies) {
    this.client = client;
    this.replies = replies;
  }

  /** The command of one decoded line, decided when the actor comes to it. */
  Command parse(String line) {
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
            : answer(":" + client.server() + " PONG " + client.server() + " :" + m.param(0));
      }
      case "PONG" -> {
        return nothing();
      }
      case "NICK" -> {
        return nick(m.param(0));
      }
      case "USER" -> {
        if (client.registered() || client.user() != null) {
          return numeric(462, ":You may not reregister");
        }
        return m.params().size() < 4 || m.param(0).isEmpty() ? needMore("USER")
            : new Command.User(m.param(0).startsWith("~") ? m.param(0) : "~" + m.param(0), m.param(3));
      }
      case "QUIT" -> {
        return new Command.Quit(m.param(0));
      }
      default -> {
        return client.registered() ? registeredCommand(m) : numeric(451, ":You have not registered");
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
      case "MOTD" -> answer(replies.motd());
      case "AWAY" -> m.param(0) == null || m.param(0).isEmpty()
          ? numeric(305, ":You are no longer marked as being away")
          : numeric(306, ":You have been marked as being away");
      case "USERHOST" -> numeric(302, ":");
      case "ISON" -> numeric(303, ":");
      default -> numeric(421, m.command() + " :Unknown command");
    };
  }

  private Command cap(IrcMessage m) {
    String sub = m.param(0) == null ? "" : m.param(0).toUpperCase(Locale.ROOT);
    String prefix = ":" + client.server() + " CAP " + client.target();
    return switch (sub) {
      case "LS" -> {
        client.capNegotiating(!client.registered());
        yield answer(prefix + " LS :");
      }
      case "LIST" -> answer(prefix + " LIST :");
      case "REQ" -> {
        client.capNegotiating(!client.registered());
        yield answer(prefix + " NAK :" + (m.param(1) == null ? "" : m.param(1)));
      }
      case "END" -> {
        client.capNegotiating(false);
        List<String> burst = new ArrayList<>();
        replies.registerIfComplete(burst::add);
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
    if (wanted.equals(client.nick())) {
      return nothing();
    }
    return new Command.Nick(wanted);
  }

  private Command join(IrcMessage m) {
    if (m.param(0) == null) {
      return needMore("JOIN");
    }
    if (m.param(0).equals("0")) {
      return new Command.Sequence(client.channels().all().stream()
          .map(channel -> (Command) new Command.Part(channel.room, null)).toList());
    }
    List<Command> joins = new ArrayList<>();
    for (String target : m.param(0).split(",")) {
      Optional<String> room = room(target);
      joins.add(room.isPresent() ? new Command.Join(room.get()) : noSuchChannel(target));
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
      parts.add(room.isPresent() ? new Command.Part(room.get(), m.param(1)) : noSuchChannel(target));
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
    String targets = m.param(0);
    if (targets.indexOf(',') < 0) { // one target, as nearly every line has: no list, no sequence
      return messageTo(targets, m.param(1), notice);
    }
    List<Command> sends = new ArrayList<>();
    for (String target : targets.split(",")) {
      sends.add(messageTo(target, m.param(1), notice));
    }
    return new Command.Sequence(sends);
  }

  private Command messageTo(String target, String text, boolean notice) {
    if (target.startsWith("#")) {
      Optional<String> room = room(target);
      return room.isPresent() ? new Command.Say(room.get(), text, notice) : noSuchChannel(target);
    } else if (NICK.matcher(target).matches()) {
      return new Command.Whisper(target, text, notice);
    }
    return numeric(401, target + " :No such nick/channel");
  }

  private Command topic(IrcMessage m) {
    if (m.param(0) == null) {
      return needMore("TOPIC");
    }
    Optional<String> room = room(m.param(0));
    if (room.isEmpty()) {
      return noSuchChannel(m.param(0));
    }
    if (m.params().size() > 1) {
      return new Command.SetTopic(room.get(), m.param(1));
    }
    Optional<IrcChannels.Channel> channel = client.channels().get(room.get());
    if (channel.isEmpty()) {
      return numeric(442, m.param(0) + " :You're not on that channel");
    }
    List<String> lines = new ArrayList<>();
    replies.topic(channel.get(), true, lines::add);
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
    Optional<IrcChannels.Channel> channel = joinedChannel(mask);
    String shown = mask == null ? "*" : channel.map(IrcCommands::name).orElse(mask);
    if (channel.isPresent()) {
      channel.get().members.values().forEach(member -> lines.add(whoLine(shown, member)));
    } else if (mask != null && !mask.startsWith("#")) {
      client.channels().find(mask).ifPresent(member -> lines.add(whoLine("*", member)));
    }
    lines.add(client.line(315, shown + " :End of WHO list"));
    return answer(lines);
  }

  private String whoLine(String channel, IrcChannels.Member member) {
    String mask = member.mask();
    String node = member.node().isEmpty() ? client.server() : member.node();
    return client.line(352, channel + " " + userOf(mask, member.nick()) + " " + hostOf(mask) + " " + node + " "
        + member.nick() + " H :0 " + member.nick());
  }

  private Command whois(String target) {
    if (target == null) {
      return numeric(431, ":No nickname given");
    }
    List<String> lines = new ArrayList<>();
    Optional<IrcChannels.Member> member = AsciiCase.same(target, client.nick())
        ? Optional.of(new IrcChannels.Member(client.mask(), client.server())) : client.channels().find(target);
    if (member.isEmpty()) {
      lines.add(client.line(401, target + " :No such nick/channel"));
    } else {
      String mask = member.get().mask();
      lines.add(client.line(311, member.get().nick() + " " + userOf(mask, target) + " " + hostOf(mask) + " * :"
          + member.get().nick()));
      lines.add(client.line(312, member.get().nick() + " " + member.get().node() + " :session-chat node"));
    }
    lines.add(client.line(318, target + " :End of /WHOIS list"));
    return answer(lines);
  }

  private Command mode(IrcMessage m) {
    String target = m.param(0);
    if (target == null) {
      return needMore("MODE");
    }
    String modes = m.param(1);
    if (!target.startsWith("#")) {
      if (!AsciiCase.same(target, client.nick())) {
        return numeric(502, ":Cant change mode for other users");
      }
      return numeric(221, "+");
    }
    Optional<String> room = room(target);
    if (room.isEmpty()) {
      return noSuchChannel(target);
    }
    String channel = client.channels().get(room.get()).map(IrcCommands::name).orElse(target);
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

  /** The channel {@code #name} names, if it is a valid channel name and the client is in it. */
  private Optional<IrcChannels.Channel> joinedChannel(String channel) {
    return room(channel).flatMap(client.channels()::get);
  }

  /** {@code #name} as the client was shown it: its room's spelling. */
  private static String name(IrcChannels.Channel channel) {
    return "#" + channel.room;
  }

  /** {@code #name} to the room {@code name} (in the case given), if it is a valid channel name. */
  static Optional<String> room(String channel) {
    if (channel == null || !channel.startsWith("#")) {
      return Optional.empty();
    }
    String room = channel.substring(1);
    return Names.isValid(room) ? Optional.of(room) : Optional.empty();
  }

  /** The user part of {@code nick!user@host}, or {@code ~nick} if it has none. */
  private static String userOf(String mask, String nick) {
    int bang = mask.indexOf('!');
    int at = mask.indexOf('@');
    return bang < 0 || at < bang ? "~" + nick : mask.substring(bang + 1, at);
  }

  /** The host part of {@code nick!user@host}, or {@code line} (a line-protocol client's) if it has none. */
  private static String hostOf(String mask) {
    int at = mask.indexOf('@');
    return at < 0 ? "line" : mask.substring(at + 1);
  }

  private Command noSuchChannel(String target) {
    return numeric(403, target + " :No such channel");
  }

  private Command numeric(int code, String rest) {
    return answer(client.line(code, rest));
  }

  private Command needMore(String command) {
    return numeric(461, command + " :Not enough parameters");
  }

  private static Command answer(String line) {
    return new Command.Invalid(line);
  }

  private static Command answer(List<String> lines) {
    return new Command.Invalid(String.join(IrcWire.CRLF, lines));
  }

  private static Command nothing() {
    return new Command.Local(() -> { });
  }
}
