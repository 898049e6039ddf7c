package org.sessionchat.chat.actor;

/**
 * What a {@link ClientActor} offers its client, by the wire protocol it came in on.
 *
 * <p>Why a mode and not two actors: both kinds of client are in the same rooms through the
 * same {@code ChatServer} and {@code ChatSession} protocols; IRC only adds to that.
 */
public enum ClientMode {
  /**
   * The line protocol: one room at a time, CREATE before JOIN, nicknames need not be unique,
   * a room that is lost is {@code OFFLINE}.
   */
  LINE,
  /**
   * IRC: many channels at once (one {@code ChatSession} each), JOIN creates a missing room,
   * {@code ChannelPresence} for members and topic, nicks unique in the cluster
   * ({@code NickRegistry}), private messages ({@code DirectMessage}), and a channel whose
   * room was lost is re-created on a surviving node and joined again.
   */
  IRC
}
