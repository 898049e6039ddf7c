package org.sessionchat.session.impl;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * and named by the sender's refusal slot. Runs on the sending actor's context.
 */
final class Broadcast {

  private Broadcast() {
  }

  static Future<Void> send(ActorCell sender, Collection<? extends Conversation> conversations, String toRole,
      String label, Object... payload) {
    List<Object> values;
    try {
      values = PayloadValues.of(payload);
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(e);
    }
    Router router = sender.router();
    Map<String, Destination> destinations = new LinkedHashMap<>();
    ProtocolViolationException refused = null;
    RuntimeException unusable = null;
    for (Conversation conversation : conversations) {
      if (!(conversation instanceof LocalConversation local) || local.actorCell() != sender || !local.isActive()) {
        unusable = new IllegalStateException("not an active conversation of actor " + sender.self() + ": "
            + conversation);
        continue;
      }
      Router.Route route = local.route(toRole);
      if (route == null) {
        refused = sender.node().refusals().outbound(local, toRole, label, values.size(), RefusalReason.WRONG_PEER);
        continue;
      }
      Envelope envelope = Envelope.message(route.target().actorId(), sender.self().actorId(), local.sessionId(),
          local.protocol(), local.role(), toRole, label, values);
      String address = route.local() ? router.loopAddress(receiverThread(sender, route)) : route.address();
      if (address == null) {
        refused = sendAlone(router, sender, route, envelope, local, refused);
      } else {
        Destination destination = destinations.get(address);
        if (destination == null) {
          destination = new Destination(route);
          destinations.put(address, destination);
        }
        destination.add(local, envelope);
      }
    }
    for (Map.Entry<String, Destination> entry : destinations.entrySet()) {
      Destination destination = entry.getValue();
      if (destination.envelopes.size() == 1) {
        refused = sendAlone(router, sender, destination.first, destination.envelopes.get(0),
            destination.conversations.get(0), refused);
        continue;
      }
      EnvelopeBatch batch = new EnvelopeBatch(destination.envelopes);
      sender.sendBatch(entry.getKey(), destination.first.local(), batch, destination.conversations);
      ProtocolViolationException batchRefusal = sender.takeOutboundRefusal();
      refused = batchRefusal != null ? batchRefusal : refused;
      for (int i = 0; i < batch.size(); i++) {
        if (!batch.isDropped(i)) {
          destination.conversations.get(i).endIfTerminal();
        }
      }
    }
    if (refused != null) {
      return Future.failedFuture(refused);
    }
    return unusable != null ? Future.failedFuture(unusable) : Future.succeededFuture();
  }

  /** The thread of the local actor {@code route} leads to; null if it has not started (or is gone). */
  private static Thread receiverThread(ActorCell sender, Router.Route route) {
    ActorCell receiver = sender.node().actor(route.target().actorId());
    return receiver == null ? null : receiver.thread();
  }

  private static ProtocolViolationException sendAlone(Router router, ActorCell sender, Router.Route route,
      Envelope envelope, LocalConversation conversation, ProtocolViolationException refusedSoFar) {
    sender.send(route, envelope, conversation);
    ProtocolViolationException refused = sender.takeOutboundRefusal();
    if (refused != null) {
      return refused;
    }
    conversation.endIfTerminal();
    return refusedSoFar;
  }

  /** The envelopes for one address, with the conversations they belong to (same order). */
  private static final class Destination {
    final Router.Route first;
    final List<Envelope> envelopes = new ArrayList<>();
    final List<LocalConversation> conversations = new ArrayList<>();

    Destination(Router.Route first) {
      this.first = first;
    }

    void add(LocalConversation conversation, Envelope envelope) {
      conversations.add(conversation);
      envelopes.add(envelope);
    }
  }
}
