package org.sessionchat.chat.irc;

import java.util.function.Consumer;
import org.sessionchat.chat.actor.ClientEvent;
import org.sessionchat.chat.actor.ClientTransport;
import org.sessionchat.chat.actor.ClientTransport.CloseReason;
import org.sessionchat.chat.limits.Disconnect;
import org.sessionchat.chat.net.BroadcastLines;
import org.sessionchat.chat.net.WireFormat;
import org.sessionchat.chat.wire.Command;

/**
 * The IRC client protocol (RFC 2812 as the modern client protocol documents it) as a
 * {@link WireFormat}: IRC lines in, {@link Command}s to the client actor, its
 * {@link ClientEvent}s out as IRC lines. Channel {@code #deck} is the room {@code deck}, in
 * any case ({@code CASEMAPPING=ascii}); every line names a channel as its room spells it.
 *
 * <p>Why it only assembles: the lines in are {@link IrcCommands}, the events out are
 * {@link IrcEvents}, what both know of the client is one {@link IrcClientState}, and the
 * replies both send are {@link IrcReplies}. This class ties them to the shared stages of a
 * connection and gives those their lines (closing, keep-alive, line too long).
 *
 * <p>Why two sides: the client actor runs on a context of its own, the socket on the
 * server's. Everything kept of the client (registration, nick, what it was shown of its
 * channels) lives on the actor's context: the deferred commands decide there, and
 * {@link #actorSide} turns the actor's events into lines there; the socket's side only
 * writes lines already made, and the last lines of the shared stages.
 */
public final class IrcWire implements WireFormat {

  /** RFC 2812: 512 bytes with CR LF. */
  public static final int MAX_LINE = 510;
  public static final int NICK_LENGTH = 30;
  static final String CRLF = "\r\n";

  private final IrcClientState client;
  private final IrcCommands commands;
  private final IrcEvents events;

  /**
   * @param server the server name: the prefix of server replies, in 001-004
   * @param host   the client's address, the host part of its {@code nick!user@host}
   */
  public IrcWire(String server, String host) {
    client = new IrcClientState(server, host);
    IrcReplies replies = new IrcReplies(client);
    commands = new IrcCommands(client, replies);
    events = new IrcEvents(client, replies);
  }

  @Override
  public Command parse(String line) {
    return commands.parse(line);
  }

  /**
   * The transport to hand the client actor: it formats each event on the actor's context
   * (where the client's state is) and passes the lines on to {@code socketSide}.
   */
  public ClientTransport actorSide(ClientTransport socketSide) {
    return events.actorSide(socketSide);
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
      IrcEvents.eachLine(lines.error(), out);
    } else {
      events.format(event, out);
    }
  }

  @Override
  public void closing(CloseReason reason, Consumer<String> out) {
    String host = client.host();
    out.accept(switch (reason) {
      case CLIENT_QUIT -> "ERROR :Closing link: " + host + " (Quit)";
      case NODE_SHUTDOWN -> "ERROR :Closing link: " + host + " (Server shutting down)";
      case ACTOR_STOPPED -> "ERROR :Closing link: " + host;
    });
  }

  @Override
  public String lastLine(Disconnect reason) {
    String host = client.host();
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
    return "PING :" + client.server();
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
    return client.line(417, ":Input line was too long");
  }

  @Override
  public String badEncoding() {
    return ":" + client.server() + " NOTICE " + client.target()
        + " :*** Line dropped: not UTF-8, or a NUL or CR in it";
  }
}
