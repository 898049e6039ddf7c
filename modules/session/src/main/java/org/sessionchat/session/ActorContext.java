package org.sessionchat.session;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What the runtime gives an actor: its identity, its sessions by key, and the means to
 * start sessions and to stop.
 *
 * <p>Why keys: like monitored-session-erlang's {@code register_conversation} /
 * {@code become}, an actor in several sessions at once (a chat client in its lobby
 * session and its room session) picks the one a piece of work belongs to by a name it
 * chose, not by holding on to session ids.
 */
public interface ActorContext {

  ActorRef self();

  /** The Vert.x instance the actor runs on (for sockets and timers, never for the event bus). */
  Vertx vertx();

  /**
   * Starts a session of {@code protocol} with this actor in {@code myRole} and the other
   * roles filled by {@code invitees}.
   *
   * @return the established conversation, or a failed future if the protocol or a role is
   *     unknown, this actor's kind may not play {@code myRole}, or an invitee is unreachable
   *     or refuses
   */
  Future<Conversation> startSession(String protocol, String myRole, Map<String, ActorRef> invitees);

  /**
   * Sends the same message to the peer playing {@code toRole} in each of
   * {@code conversations} (all of them this actor's): what a chat room does with every line.
   *
   * <p>Each message is still one of its own session, checked by that session's monitor as it
   * leaves and as it arrives, as if sent with {@link Conversation#send}. What differs is how
   * they travel: the runtime puts the messages bound for one node (on this node: for one event
   * loop) on the event bus as one message, instead of one per session. Messages to one peer
   * keep their order with the ones sent to it by {@code send}.
   *
   * @return completes once every message has left; fails with the monitor's refusal
   *     ({@link ProtocolViolationException}) if any was refused (the others still go), or if
   *     a conversation is not active
   */
  default Future<Void> sendEach(Collection<? extends Conversation> conversations, String toRole, String label,
      Object... payload) {
    List<Future<Void>> sent = new ArrayList<>(conversations.size());
    for (Conversation conversation : conversations) {
      sent.add(conversation.send(toRole, label, payload));
    }
    return Future.join(sent).mapEmpty();
  }

  /** Registers {@code conversation} under {@code key}, replacing any earlier one. */
  void register(String key, Conversation conversation);

  /** Removes the registration of {@code key}, if any. */
  void unregister(String key);

  /** The conversation registered under {@code key}, if it is still active. */
  Optional<Conversation> conversation(String key);

  /**
   * Switches to the session registered under {@code key} and runs {@code action} in it.
   *
   * @return false if no active conversation is registered under {@code key}
   */
  boolean become(String key, Consumer<Conversation> action);

  /**
   * Stops the actor: each of its sessions ends ({@link EndReason#LOCAL_STOP} here, the
   * peers are told), then {@link SessionActor#stopped()} runs.
   */
  Future<Void> stop();
}
