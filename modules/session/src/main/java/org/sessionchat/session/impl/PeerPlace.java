package org.sessionchat.session.impl;

/**
 * Where a conversation's broadcast envelopes for one peer role go: the route, and the address
 * of the batch they join — the batch consumer of the receiving actor's event loop on this node
 * ({@link LoopVerticle}), or the other node's address; null when the envelope must travel alone.
 *
 * <p>Why it is kept: a chat room sends every line to the same members, and finding the
 * receiver's event loop means two concurrent-map reads per member and line. What it rests on
 * can change, so each use asks {@link #isCurrent} first: a local receiver that stopped (an
 * actor id may be taken again by a new actor), one that runs on another thread than when this
 * was made, or a batch consumer that started or stopped since ({@link Router#loopsVersion})
 * makes it stale, and the conversation finds the place again. A route to another node never
 * changes (its node's consumer finds the receiver there).
 *
 * @param role     the peer role
 * @param route    the conversation's route to the actor playing it
 * @param receiver the receiving actor on this node when it was found (null for another node)
 * @param thread   the receiver's event-loop thread then
 * @param address  the batch's address, or null: the envelope goes alone (to the actor's address)
 * @param loops    {@link Router#loopsVersion} read before the loop's address was looked up
 */
record PeerPlace(String role, Router.Route route, ActorCell receiver, Thread thread, String address, int loops) {

  /** Finds where envelopes for {@code role} over {@code route} go now. */
  static PeerPlace find(String role, Router.Route route, NodeRuntime node) {
    if (!route.local()) {
      return new PeerPlace(role, route, null, null, route.address(), 0);
    }
    Router router = node.router();
    int loops = router.loopsVersion();
    ActorCell receiver = node.actor(route.target().actorId());
    Thread thread = receiver == null ? null : receiver.thread();
    return new PeerPlace(role, route, receiver, thread, router.loopAddress(thread), loops);
  }

  /** True if this may be kept: the receiver is known and running on a thread (a local one), or it is on another node. */
  boolean isKeepable() {
    return !route.local() || thread != null;
  }

  /** True if nothing this rests on has changed since it was found. */
  boolean isCurrent(Router router) {
    return !route.local()
        || (!receiver.isStopped() && receiver.thread() == thread && router.loopsVersion() == loops);
  }
}
