package org.sessionchat.session;

/**
 * Watches the monitors of one node at work: sessions starting and ending, each FSM step,
 * each refusal, nodes leaving. Registered with {@link SessionRuntime#observe}.
 *
 * <p>Why a push interface: a live view must move as messages pass, and polling every
 * actor's state would cost the node far more than a callback that is not there (with no
 * observer registered the runtime does not even build the events).
 *
 * <p>Callbacks run on the actor's context that caused them, many at once from different
 * event loops: an implementation must be thread-safe, must not block and should do little
 * (e.g. update a map and let a timer send the picture on, throttled).
 *
 * <p>{@link #stepped} is the only callback per message; an observer that only needs where
 * each FSM is now and then (a page redrawn twice a second) says so with
 * {@link #observesSteps()} and reads {@link SessionRuntime#sessions()} on its own timer:
 * then the monitors' hot path does nothing for it.
 */
public interface SessionObserver {

  /**
   * False if this observer wants no {@link #stepped} calls; read once, when it is registered.
   * With no observer of steps registered the monitors neither format the FSM's state nor
   * make a call per message.
   */
  default boolean observesSteps() {
    return true;
  }

  /** A local actor's part in a session was established. */
  default void sessionStarted(SessionSnapshot session) {
  }

  /**
   * A message passed the monitor of {@code role} in {@code sessionId} and the FSM is now in
   * {@code state}.
   *
   * @param sent true for a message the role sent, false for one it received
   */
  default void stepped(String sessionId, String role, boolean sent, String peerRole, String label, String state) {
  }

  /**
   * The FSM of {@code role} left an {@code initiates} state because its sub-session ended:
   * {@code outcome} is {@code success} or the failure name of the {@code handle} block taken
   * (e.g. {@code ParticipantOffline}); the FSM is now in {@code state}.
   */
  default void resumed(String sessionId, String role, String outcome, String state) {
  }

  /** The session is over for the local actor playing {@code role}. */
  default void sessionEnded(String sessionId, String role, EndReason reason) {
  }

  /** A monitor interceptor on this node refused an envelope. */
  default void refused(MonitorRefusal refusal) {
  }

  /** Hazelcast reported node {@code nodeId} gone; the local sessions with participants there are ending. */
  default void nodeLeft(String nodeId) {
  }
}
