package org.sessionchat.chat.irc;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.sessionchat.chat.wire.Names;

/**
 * The replies that a client's command and an event from its actor both answer with: the
 * welcome that completes registration (001-005 and the MOTD), the MOTD alone, a channel's
 * topic (331-333).
 *
 * <p>Why a class of its own: registration completes on a {@code CAP END} (a command) or on
 * the actor's accepting the nick or user (events), the MOTD is both part of the welcome and
 * the answer to {@code MOTD}, and a topic is shown on joining and on asking; each is made
 * here once for both {@link IrcCommands} and {@link IrcEvents}.
 */
final class IrcReplies {

  private static final String VERSION = "session-chat-0.1";
  private static final String CREATED = Instant.now().toString();

  private final IrcClientState client;

  IrcReplies(IrcClientState client) {
    this.client = client;
  }

  /** The welcome burst to {@code out}, if the client has just become registered. */
  void registerIfComplete(Consumer<String> out) {
    if (!client.register()) {
      return;
    }
    String server = client.server();
    out.accept(client.line(1, ":Welcome to the session-chat IRC network, " + client.mask()));
    out.accept(client.line(2, ":Your host is " + server + ", running version " + VERSION));
    out.accept(client.line(3, ":This server was created " + CREATED));
    out.accept(client.line(4, server + " " + VERSION + " i n"));
    out.accept(client.line(5, "CASEMAPPING=ascii CHANTYPES=# NICKLEN=" + IrcWire.NICK_LENGTH + " CHANNELLEN="
        + (Names.MAX_LENGTH + 1) + " TOPICLEN=390 PREFIX=() CHANMODES=,,,n NETWORK=session-chat"
        + " :are supported by this server"));
    motd().forEach(out);
  }

  List<String> motd() {
    return List.of(
        client.line(375, ":- " + client.server() + " Message of the day - "),
        client.line(372, ":- session-chat: every channel is a chat room of the cluster, shared with"),
        client.line(372, ":- line-protocol clients; #deck here is the room deck there."),
        client.line(372, ":- A channel whose node dies is re-created on a surviving node."),
        client.line(376, ":End of /MOTD command."));
  }

  /** The channel's topic (332, 333); if it has none, 331 when {@code sayNone}, else nothing. */
  void topic(IrcChannels.Channel channel, boolean sayNone, Consumer<String> out) {
    if (channel.topic.text().isEmpty()) {
      if (sayNone) {
        out.accept(client.line(331, "#" + channel.room + " :No topic is set"));
      }
      return;
    }
    out.accept(client.line(332, "#" + channel.room + " :" + channel.topic.text()));
    out.accept(client.line(333, "#" + channel.room + " " + IrcChannels.nickOf(channel.topic.setBy()) + " "
        + channel.topic.setAt()));
  }
}
