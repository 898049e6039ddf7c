package org.sessionchat.chat.web;

import java.util.List;
import java.util.Map;
import org.sessionchat.session.ActorRef;
import org.sessionchat.session.EndReason;
import org.sessionchat.session.SessionSnapshot.Step;

/**
 * What the web console is told about the sessions of its node as it happens: one
 * participant's part of a session started, its monitor refused a message, it ended; or a
 * node left the cluster. Where each FSM is and how many messages passed is not told per
 * message but read twice a second ({@link Sampled}, {@link NodeView#sampled}).
 *
 * <p>Why an interface of the console's own: the view depends on these facts only, not on
 * how the session runtime reports them; an adapter turns the runtime's observations into
 * these calls. Called from any actor's thread: implementations must be thread-safe and
 * cheap. None of them runs per monitored message.
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
   * Where one participant's FSM was when the view last read it.
   *
   * @param sessionId the session
   * @param role      the role played on this node
   * @param state     the state, as {@code Monitor.describeState()} prints it
   * @param sent      messages this role sent in the session so far
   * @param received  messages it received
   * @param lastStep  how the FSM last moved, or null if it has not
   * @param lastLabel the label it last moved on, or an initiation outcome; null if it has not moved
   */
  record Sampled(String sessionId, String role, String state, long sent, long received, Step lastStep,
      String lastLabel) {
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

  void refused(Refused refused);

  void ended(String sessionId, String role, EndReason reason);

  void nodeLeft(String nodeId);
}
