package org.sessionchat.chat;

import java.util.concurrent.ConcurrentHashMap;
import org.sessionchat.chat.actor.ClientEvent;
import org.sessionchat.chat.actor.ClientTransport;
import org.sessionchat.chat.actor.ForwardingClientTransport;

/**
 * The nicknames of the clients connected to this node, by client actor id, for the web
 * console's session view ("ann@node-7001" instead of an actor id).
 *
 * <p>Why it watches the transport: the nickname a client has is the one its actor last
 * told it ({@code WELCOME}, {@code OK:NICK}), whatever wire format carries it; watching
 * those events needs no change to the actor and sees every front-end alike.
 */
public final class ClientDirectory {

  private final ConcurrentHashMap<String, Watched> byActor = new ConcurrentHashMap<>();

  /** The nickname of the client actor {@code actorId} on this node, or null. */
  public String nick(String actorId) {
    Watched watched = byActor.get(actorId);
    return watched == null ? null : watched.nick;
  }

  /** Clients listed right now. */
  public int size() {
    return byActor.size();
  }

  /** Wraps {@code transport} so that the nicknames its actor announces are recorded. */
  Watched watch(ClientTransport transport) {
    return new Watched(transport);
  }

  /** Lists {@code watched} under its actor's id until its transport closes. */
  void register(String actorId, Watched watched) {
    byActor.put(actorId, watched);
    watched.onClose(() -> byActor.remove(actorId, watched));
  }

  /** A transport passing everything through, noting the nickname on the way out. */
  static final class Watched extends ForwardingClientTransport {
    private volatile String nick;

    private Watched(ClientTransport transport) {
      super(transport);
    }

    @Override
    public void deliver(ClientEvent event) {
      if (event instanceof ClientEvent.Welcome welcome) {
        nick = welcome.nick();
      } else if (event instanceof ClientEvent.NickSet set) {
        nick = set.nick();
      }
      super.deliver(event);
    }
  }
}
