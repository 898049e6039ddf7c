package org.sessionchat.chat.web;

import java.util.List;
import java.util.Map;
import org.sessionchat.session.ActorRef;
import org.sessionchat.session.EndReason;

/**
 * What the web console is told about the sessions of its node: one participant's part of a
 * session started, its FSM moved, its monitor refused a message, it ended; or a node left
 * the cluster.
 *
 * <p>Why an interface of the console's own: the view depends on these five facts only, not
 * on how the session runtime reports them; an adapter turns the runtime's observations
 * into these calls. Called from any actor's thread: implementations must be thread-safe
 * and cheap, since {@link #moved} runs for every monitored message.
 */
public interface SessionEvents {

  /**
   * @param sessionId the session
   * @param protocol  e.g. {@code ChatSession}
   * @param role      the role played on this node, e.g. {@code ChatRoom}
   * @param actor     the local actor playing it
   * @param peers     the other roles and who plays them
   * @param state     the FSM's state, as {@code Monitor.describeState()} prints it
   */
  record Started(String sessionId, String protocol, String role, ActorRef actor, Map<String, ActorRef> peers,
      String state) {
    public Started {
      peers = Map.copyOf(peers);
    }
  }

  /**
   * @param sessionId the session
   * @param role      the role whose FSM moved
   * @param state     the state now, as {@code Monitor.describeState()} prints it
   * @param label     the message label it moved on, or an initiation outcome
   * @param sent      true if this role sent the message, false if it received it
   */
  record Moved(String sessionId, String role, String state, String label, boolean sent) {
  }

  /**
   * @param sessionId the session
   * @param protocol  the session's protocol
   * @param role      the role whose monitor refused
   * @param state     the state the FSM was in
   * @param label     the refused label
   * @param expected  what the FSM would have taken, e.g. {@code !lookupRoom(1) to RoomRegistry}
   * @param reason    why, e.g. {@code FORBIDDEN} (the FSM does not allow it) or {@code UNKNOWN_SESSION}
   */
  record Refused(String sessionId, String protocol, String role, String state, String label, List<String> expected,
      String reason) {
    public Refused {
      expected = List.copyOf(expected);
    }
  }

  void started(Started started);

  void moved(Moved moved);

  /**
   * The FSM left an {@code initiates} state: its sub-session ended with {@code outcome}
   * ({@code success} or a handled failure such as {@code ParticipantOffline}).
   */
  void resumed(String sessionId, String role, String outcome, String state);

  void refused(Refused refused);

  void ended(String sessionId, String role, EndReason reason);

  void nodeLeft(String nodeId);
}
