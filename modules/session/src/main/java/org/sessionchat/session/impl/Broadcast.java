package org.sessionchat.session.impl;

import io.vertx.core.Future;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.sessionchat.session.Conversation;
import org.sessionchat.session.ProtocolViolationException;
import org.sessionchat.session.RefusalReason;
import org.sessionchat.session.wire.Envelope;
import org.sessionchat.session.wire.EnvelopeBatch;
import org.sessionchat.session.wire.PayloadValues;

/**
 * {@link org.sessionchat.session.ActorContext#sendEach}: one envelope per session as always,
 * grouped by where they go — one {@link EnvelopeBatch} per other node, and on this node one
 * per event loop of the receiving actors ({@link LoopVerticle}). A destination with a single
 * envelope, or a local actor on a loop without a batch consumer, gets the envelope alone.
 *
 * <p>The outbound monitor interceptor checks every envelope of a batch as it is put on the
 * bus, on this (the sending actor's) thread; whatever it refused is dropped from the batch
 * and named by the sender's refusal slot.
 *
 * <p>One per actor, reused from line to line: a room sends every line to the same few
 * destinations, so the destinations and their arrays are kept instead of made per line, and
 * each conversation keeps where its last envelope went ({@link PeerPlace}). Confined to the
 * sending actor's context; a broadcast started while one is under way (from code the bus runs
 * within the send) gets a fresh one.
 */
final class Broadcast {

  private final ActorCell sender;
  private Destination[] destinations = new Destination[4];
  private int destinationCount;
  /** Destinations the line before used: those this line leaves unused let go of what they hold. */
  private int destinationsBefore;
  private boolean busy;

  Broadcast(ActorCell sender) {
    this.sender = sender;
  }

  /** Sends one message in each of {@code conversations}; on the sender's context. */
  Future<Void> send(Collection<? extends Conversation> conversations, String toRole, String label, Object... payload) {
    if (busy) {
      return new Broadcast(sender).send(conversations, toRole, label, payload);
    }
    List<Object> values;
    try {
      values = PayloadValues.of(payload);
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(e);
    }
    busy = true;
    try {
      return sendChecked(conversations, toRole, label, values);
    } finally {
      for (int d = 0, used = Math.max(destinationCount, destinationsBefore); d < used; d++) {
        destinations[d].clear();
      }
      destinationsBefore = destinationCount;
      destinationCount = 0;
      busy = false;
    }
  }

  private Future<Void> sendChecked(Collection<? extends Conversation> conversations, String toRole, String label,
      List<Object> values) {
    ProtocolViolationException refused = null;
    RuntimeException unusable = null;
    String self = sender.self().actorId();
    Envelope common = null; // the line's envelope but target and session, shared by the batches' entries
    for (Conversation conversation : conversations) {
      if (!(conversation instanceof LocalConversation local) || local.actorCell() != sender || !local.isActive()) {
        unusable = new IllegalStateException("not an active conversation of actor " + sender.self() + ": "
            + conversation);
        continue;
      }
      PeerPlace place = local.peerPlace(toRole);
      if (place == null) {
        refused = sender.node().refusals().outbound(local, toRole, label, values.size(), RefusalReason.WRONG_PEER);
        continue;
      }
      if (common == null) {
        common = Envelope.message(null, self, null, local.protocol(), local.role(), toRole, label, values);
      }
      if (place.address() == null || !local.protocol().equals(common.protocol())
          || !local.role().equals(common.fromRole())) { // alone, or not of the line's protocol and role
        refused = sendAlone(place.route(), envelopeFor(common, place.route(), local), local, refused);
      } else {
        destination(place).add(local, place);
      }
    }
    for (int d = 0; d < destinationCount; d++) {
      refused = send(destinations[d], common, refused);
    }
    if (refused != null) {
      return Future.failedFuture(refused);
    }
    return unusable != null ? Future.failedFuture(unusable) : Future.succeededFuture();
  }

  /** {@code common} as the envelope of {@code conversation} over {@code route}, on its own. */
  private static Envelope envelopeFor(Envelope common, Router.Route route, LocalConversation conversation) {
    return Envelope.message(route.target().actorId(), common.sourceActor(), conversation.sessionId(),
        conversation.protocol(), conversation.role(), common.toRole(), common.label(), common.payload());
  }

  /** The destination for {@code place}'s address, added if this line has none yet. */
  private Destination destination(PeerPlace place) {
    String address = place.address();
    for (int d = 0; d < destinationCount; d++) { // loop addresses are one string each: compared as such first
      if (destinations[d].address == address) {
        return destinations[d];
      }
    }
    for (int d = 0; d < destinationCount; d++) {
      if (destinations[d].address.equals(address)) {
        return destinations[d];
      }
    }
    if (destinationCount == destinations.length) {
      destinations = Arrays.copyOf(destinations, destinationCount * 2);
    }
    Destination destination = destinations[destinationCount];
    if (destination == null) {
      destination = new Destination();
      destinations[destinationCount] = destination;
    }
    destinationCount++;
    destination.start(address, place.route());
    return destination;
  }

  private ProtocolViolationException send(Destination destination, Envelope common,
      ProtocolViolationException refusedSoFar) {
    if (destination.size == 1) {
      LocalConversation only = destination.conversations[0];
      return sendAlone(destination.first, envelopeFor(common, destination.first, only), only, refusedSoFar);
    }
    EnvelopeBatch batch = EnvelopeBatch.ofMessage(common, destination.targets, destination.sessions,
        destination.receivers, destination.size);
    sender.sendBatch(destination.address, destination.first.local(), batch, destination.conversations);
    ProtocolViolationException batchRefusal = sender.takeOutboundRefusal();
    for (int i = 0; i < batch.size(); i++) {
      if (!batch.isDropped(i)) {
        destination.conversations[i].endIfTerminal();
      }
    }
    return batchRefusal != null ? batchRefusal : refusedSoFar;
  }

  private ProtocolViolationException sendAlone(Router.Route route, Envelope envelope, LocalConversation conversation,
      ProtocolViolationException refusedSoFar) {
    sender.send(route, envelope, conversation);
    ProtocolViolationException refused = sender.takeOutboundRefusal();
    if (refused != null) {
      return refused;
    }
    conversation.endIfTerminal();
    return refusedSoFar;
  }

  /**
   * The entries of one line for one address: the conversations, their receivers' actor ids
   * and sessions, and what is known of the receivers (same order); its arrays are kept from
   * line to line, and so is what they hold: a room's lines mostly go to the same members in
   * the same order, and a reference stored into an array that has lived long (in the old
   * generation) costs the collector's write barrier, a fence, per store. So an entry is
   * written only when it differs from the one there, and only entries past the last line's
   * are let go of.
   */
  private static final class Destination {
    String address;
    /** The route of the first entry (a destination's routes are all local, or all to one node). */
    Router.Route first;
    LocalConversation[] conversations = new LocalConversation[8];
    String[] targets = new String[8];
    String[] sessions = new String[8];
    Object[] receivers = new Object[8];
    int size;
    /** Entries the arrays hold from the line before (at least size once a line is done). */
    private int held;

    void start(String address, Router.Route first) {
      this.address = address;
      this.first = first;
    }

    void add(LocalConversation conversation, PeerPlace place) {
      if (size == conversations.length) {
        conversations = Arrays.copyOf(conversations, size * 2);
        targets = Arrays.copyOf(targets, size * 2);
        sessions = Arrays.copyOf(sessions, size * 2);
        receivers = Arrays.copyOf(receivers, size * 2);
      }
      int i = size++;
      keep(conversations, i, conversation);
      keep(targets, i, place.route().target().actorId());
      keep(sessions, i, conversation.sessionId());
      keep(receivers, i, place.receiver());
    }

    private static <T> void keep(T[] array, int index, T value) {
      if (array[index] != value) {
        array[index] = value;
      }
    }

    /** Ends this line: lets go of the entries the line before had beyond this one's. */
    void clear() {
      if (held > size) {
        Arrays.fill(conversations, size, held, null);
        Arrays.fill(targets, size, held, null);
        Arrays.fill(sessions, size, held, null);
        Arrays.fill(receivers, size, held, null);
      }
      held = size;
      size = 0;
      address = null;
      first = null;
    }
  }
}
