package org.sessionchat.chat.actor;

import io.vertx.core.Future;
import java.util.function.Consumer;
import org.sessionchat.chat.NodeNames;
import org.sessionchat.chat.limits.RoomQuota;
import org.sessionchat.session.ActorContext;
import org.sessionchat.session.ActorRef;
import org.sessionchat.session.Conversation;
import org.sessionchat.session.EndReason;
import org.sessionchat.session.SessionActor;
import org.sessionchat.session.SessionMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One chat room, playing {@code ChatRoom} in one {@code ChatSession} per member.
 *
 * <p>Why so little: membership is exactly the set of live sessions. A member joins by
 * initiating a session with the room and leaves when that session ends for any reason
 * (LEAVE, disconnect, its node dying), so there is no member list to keep in step.
 * A chat message is relayed, unchanged and in arrival order, to every other member.
 */
public final class RoomActor implements SessionActor {

  private static final Logger log = LoggerFactory.getLogger(RoomActor.class);

  private final String name;
  private final RoomQuota quota;
  private final NodeNames names;
  private final Consumer<RoomActor> onStopped;
  private final RoomMembers members = new RoomMembers();
  private final ChannelPresences presences;
  private ActorContext context;

  /**
   * @param name      the room's name, for log lines
   * @param onStopped run once when the room has stopped (frees its name in the registry)
   */
  public RoomActor(String name, Consumer<RoomActor> onStopped) {
    this(name, RoomQuota.unlimited(), onStopped);
  }

  /**
   * @param quota how many members the room takes (a full room refuses the invitation)
   */
  public RoomActor(String name, RoomQuota quota, Consumer<RoomActor> onStopped) {
    this(name, quota, "", onStopped);
  }

  /**
   * @param hostNode the name of the node hosting the room, told to IRC members
   */
  public RoomActor(String name, RoomQuota quota, String hostNode, Consumer<RoomActor> onStopped) {
    this(name, quota, hostNode, NodeNames.local(), onStopped);
  }

  /**
   * @param names node names, so that log lines name members {@code chatclient-3@node2}
   */
  public RoomActor(String name, RoomQuota quota, String hostNode, NodeNames names, Consumer<RoomActor> onStopped) {
    this.presences = new ChannelPresences(name, hostNode);
    this.name = name;
    this.quota = quota;
    this.names = names;
    this.onStopped = onStopped;
  }

  @Override
  public void started(ActorContext context) {
    this.context = context;
    log.debug("Room {} started as {}", name, context.self());
  }

  @Override
  public boolean acceptInvitation(String protocol, String role) {
    return ChatProtocol.CHANNEL_PRESENCE.equals(protocol) || quota.mayJoin(members.size());
  }

  @Override
  public void conversationEstablished(Conversation conversation) {
    if (ChatProtocol.CHANNEL_PRESENCE.equals(conversation.protocol())) {
      return; // a member once its hello arrives
    }
    members.add(conversation);
    log.info("Room {}: {} joined ({} members)", name,
        names.of(conversation.participant(ChatProtocol.CLIENT_THREAD)), members.size());
  }

  @Override
  public void received(Conversation from, SessionMessage message) {
    if (ChatProtocol.CHANNEL_PRESENCE.equals(from.protocol())) {
      presences.received(from, message);
    } else if (ChatProtocol.OUTGOING_CHAT_MESSAGE.equals(message.label())) {
      String line = message.string(0);
      // one message per member session, each checked by its monitor; batched on the bus per destination
      context.sendEach(members.audienceOf(from), ChatProtocol.CLIENT_THREAD, ChatProtocol.INCOMING_CHAT_MESSAGE, line);
    }
    // leaveRoom completes the member's session: conversationEnded drops it (the monitor tracks
    // the FSM also when it is off, so this holds in both modes)
  }

  @Override
  public void conversationEnded(Conversation conversation, EndReason reason) {
    if (ChatProtocol.CHANNEL_PRESENCE.equals(conversation.protocol())) {
      presences.ended(conversation);
    } else {
      drop(conversation, switch (reason) {
        // the member's actor stopped: QUIT, a dropped connection or its node died; its own node logs which
        case PARTICIPANT_OFFLINE, SETUP_FAILED -> "disconnected";
        case COMPLETED -> "done";
        case LOCAL_STOP -> "room closing";
      });
    }
  }

  private void drop(Conversation member, String why) {
    if (members.remove(member.sessionId())) {
      log.info("Room {}: {} left ({}, {} members)", name, names.of(member.participant(ChatProtocol.CLIENT_THREAD)), why,
          members.size());
    }
  }

  @Override
  public void stopped() {
    log.debug("Room {} stopped", name); // the room manager logs "closed" for rooms that were created
    onStopped.accept(this);
  }

  public String name() {
    return name;
  }

  /** This room's actor reference (its PID in {@code roomPID}); null until it has started. */
  public ActorRef ref() {
    return context == null ? null : context.self();
  }

  /** Members right now. */
  public int memberCount() {
    return members.size();
  }

  /** Stops the room: every member's session ends and each member is told the room is offline. */
  public Future<Void> stop() {
    return context.stop();
  }
}
