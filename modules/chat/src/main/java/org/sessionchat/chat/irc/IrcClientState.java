package org.sessionchat.chat.irc;

/**
 * What one IRC connection knows of its client: the server's name and the client's host,
 * its nick and user, how far registration has come, and what it was shown of its channels.
 *
 * <p>Why a type of its own: the commands ({@link IrcCommands}) decide with what the events
 * ({@link IrcEvents}) have shown the client, and the events change what later commands
 * decide (a nick set, registration complete). Both read and change these few facts, so
 * they live here once, with the lines made from nothing else (the client's mask, a
 * numeric reply). Used from the client actor's context, but for {@link #target} (and so
 * {@link #line}), which the socket's side reads for the shared stages' lines.
 */
final class IrcClientState {

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
  IrcClientState(String server, String host) {
    this.server = server;
    this.host = host;
  }

  String server() {
    return server;
  }

  String host() {
    return host;
  }

  IrcChannels channels() {
    return channels;
  }

  /** The client's nick, or null before its first {@code NICK} was accepted. */
  String nick() {
    return nick;
  }

  void nick(String newNick) {
    nick = newNick;
  }

  /** The client's user ({@code ~name}), or null before its {@code USER} was accepted. */
  String user() {
    return user;
  }

  void user(String newUser) {
    user = newUser;
  }

  boolean registered() {
    return registered;
  }

  /**
   * Whether capability negotiation is open: a {@code CAP LS} or {@code CAP REQ} before
   * registration holds it back until {@code CAP END}.
   */
  void capNegotiating(boolean negotiating) {
    capNegotiating = negotiating;
  }

  /**
   * Marks the client registered if it has just become so (nick and user known, no
   * capability negotiation open); true if it did, and the welcome is then due.
   */
  boolean register() {
    if (registered || nick == null || user == null || capNegotiating) {
      return false;
    }
    registered = true;
    return true;
  }

  /** The client as others see it: {@code nick!user@host}. */
  String mask() {
    return nick + "!" + (user == null ? "~" + nick : user) + "@" + host;
  }

  /** Whom a server line is addressed to: the nick, or {@code *} before there is one. */
  String target() {
    return nick == null ? "*" : nick;
  }

  /** The numeric reply {@code code} to this client, {@code rest} after its nick. */
  String line(int code, String rest) {
    return ":" + server + " " + String.format("%03d", code) + " " + target() + " " + rest;
  }
}
