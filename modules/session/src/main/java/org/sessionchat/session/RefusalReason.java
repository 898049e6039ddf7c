package org.sessionchat.session;

/**
 * Why a monitor interceptor refused an envelope.
 *
 * <p>Why more than "the FSM forbids it": the interceptors see every envelope on the bus,
 * whoever put it there, so besides a label the role's FSM does not allow here they refuse
 * envelopes that no local session claims or that speak for an actor that did not send them.
 */
public enum RefusalReason {
  /** The role's FSM does not allow this label, peer or payload in its current state. */
  FORBIDDEN,
  /** The session is not (or no longer) one the actor takes part in. */
  UNKNOWN_SESSION,
  /** The envelope's role is not the one the actor plays in the session. */
  WRONG_ROLE,
  /** The envelope's peer role is not played by the actor it is addressed to (or by the actor it claims to come from). */
  WRONG_PEER,
  /**
   * Put on the bus by code other than the actor it claims to come from (another thread,
   * another verticle, a forger), or about to be delivered to code other than its target actor.
   */
  NOT_ITS_ACTOR,
  /**
   * Came from another node than the one its sender actor lives on: a member spoke for
   * another member's actor (checked when envelopes are bound to their sender).
   */
  FORGED_SENDER
}
