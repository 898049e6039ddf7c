package org.sessionchat.chat.actor;

import org.sessionchat.session.ActorRef;
import org.sessionchat.session.Conversation;

/**
 * Where a client stands with one room: the explicit state of a {@link ClientActor}, one per
 * room it is entering, in, or leaving. A client with no room state is in the lobby.
 *
 * <p>Why a sealed type instead of nullable fields: each state carries exactly what is known
 * in it (no room session while joining, no live session while leaving), so a callback that
 * arrives in the wrong state cannot read a field that is not there. Every state keeps the
 * {@code ChatServer} session ({@code lobby}) that initiated the room's {@code ChatSession}:
 * that session waits in its {@code initiates} state until the room session ends.
 */
sealed interface RoomState {

  String room();

  /** The lobby session that is suspended for this room. */
  Conversation lobby();

  /** {@code roomPID} arrived; the {@code ChatSession} with {@code roomRef} is being set up. */
  record Joining(String room, Conversation lobby, ActorRef roomRef) implements RoomState {
  }

  /** A member: {@code session} is the established {@code ChatSession} with the room. */
  record InRoom(String room, Conversation lobby, Conversation session) implements RoomState {
  }

  /**
   * {@code leaveRoom} is on its way in session {@code sessionId}; the room is as good as
   * left. {@code reason} is the client's (IRC's PART), null for none.
   */
  record Leaving(String room, Conversation lobby, String sessionId, String reason) implements RoomState {
  }

  /** The id of the room session this state belongs to, or null while joining. */
  default String sessionId() {
    if (this instanceof InRoom in) {
      return in.session().sessionId();
    }
    return this instanceof Leaving leaving ? leaving.sessionId() : null;
  }
}
