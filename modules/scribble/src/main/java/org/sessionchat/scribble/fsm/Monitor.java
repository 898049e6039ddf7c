package org.sessionchat.scribble.fsm;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A running copy of one role's FSM: the state of that role in one session.
 *
 * <p>Why an interface of its own: the session runtime holds one {@code Monitor} per
 * (session, role) and only ever asks these questions; how states, nested {@code par}
 * FSMs and {@code initiates} states are represented stays inside {@code scribble.fsm}.
 *
 * <p>Not thread-safe: the runtime touches one monitor from one Vert.x context only.
 */
public interface Monitor {

  /** The protocol this monitor checks, e.g. {@code ChatSession}. */
  String protocol();

  /** The role whose local FSM this is, e.g. {@code ClientThread}. */
  String role();

  /**
   * Takes the transition for one message if the FSM allows it here.
   *
   * <p>Inside a {@code par}, the message is matched against every nested FSM that can
   * move; a join happens when every nested FSM is accepting and a following transition
   * needs it (or the protocol ends there).
   *
   * @param direction {@link Direction#SEND} for a message this role sends, {@link Direction#RECEIVE}
   *                  for one it receives
   * @param peer      the other role of the message
   * @param label     the message label, e.g. {@code lookupRoom}
   * @param arity     the number of payload values carried
   * @return true if the message was allowed and the monitor advanced; false (and unchanged)
   *     if the FSM forbids it here — including while waiting in an {@code initiates} state
   */
  boolean step(Direction direction, String peer, String label, int arity);

  /**
   * Like {@link #step(Direction, String, String, int)}, and each payload value must also be
   * of the type its {@code type} declaration names (see {@link PayloadType} and
   * docs/protocol.md for the mapping); a wrong type is refused like a wrong label. Allocates
   * nothing for a {@link java.util.RandomAccess} list. Call it on both sides, for the send
   * and for the receive.
   *
   * <p>The default, for monitors that do not know types, checks the arity only.
   *
   * @param values the payload values in order; its size is the arity
   */
  default boolean step(Direction direction, String peer, String label, List<?> values) {
    return step(direction, peer, label, values.size());
  }

  /**
   * True when the session may end in the current state. An exitless {@code rec} that is
   * at its head counts as complete once every other branch of its {@code par} is complete
   * (see docs/protocol.md); the FSM encodes that explicitly.
   */
  boolean isAccepting();

  /** True when nothing is left to do: no transition, no initiation, no exit. */
  boolean isTerminal();

  /**
   * The sub-session this role must start (or is running) when the FSM waits in an
   * {@code initiates} state; empty otherwise.
   */
  Optional<Initiation> pendingInitiation();

  /**
   * Leaves the current {@code initiates} state.
   *
   * @param outcome {@link Initiation#SUCCESS} for the success block, or a failure name
   *                such as {@code ParticipantOffline} for its {@code handle} block
   * @return false (and unchanged) when not in an initiates state or no block has that name
   */
  boolean resume(String outcome);

  /**
   * Roles of this protocol that this role may still exchange a message with from the
   * current state (all nested FSMs included). The runtime uses it when a participant
   * dies: the session fails only if the dead role is still needed.
   */
  Set<String> rolesStillNeeded();

  /** The current state for a log line, e.g. {@code S4} or {@code S2[par: S5|S9]}. */
  String describeState();

  /** What the FSM would accept here, for logs and errors, e.g. {@code [!lookupRoom(1) to RoomRegistry]}. */
  List<String> expected();
}
