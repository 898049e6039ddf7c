package org.sessionchat.scribble.fsm;

import java.util.List;
import java.util.Set;

/**
 * The sub-session a role must start when its FSM reaches an {@code initiates} state:
 * {@code A initiates Q(A, new R) { ... } handle (F) { ... }}.
 *
 * <p>Why a value of its own: the session runtime needs exactly this to start the
 * sub-session (which protocol, which of its roles the parent role fills itself, which
 * roles are filled by invited actors) and to resume the parent afterwards (which
 * failure names have a {@code handle} block).
 *
 * @param protocol    the sub-protocol, e.g. {@code ChatSession}
 * @param initiator   the role of the parent protocol that initiates, e.g. {@code ClientThread}
 * @param internal    roles of the sub-protocol filled by the initiator itself (internal
 *                    invitation), in declaration order, e.g. {@code [ClientThread]}
 * @param external    roles of the sub-protocol marked {@code new} (external invitation),
 *                    e.g. {@code [ChatRoom]}
 * @param handles     failure names that have a {@code handle} block, e.g. {@code [ParticipantOffline]}
 */
public record Initiation(
    String protocol,
    String initiator,
    List<String> internal,
    List<String> external,
    Set<String> handles) {

  /** The outcome name that resumes the parent in the success block. */
  public static final String SUCCESS = "success";

  public Initiation {
    internal = List.copyOf(internal);
    external = List.copyOf(external);
    handles = Set.copyOf(handles);
  }
}
