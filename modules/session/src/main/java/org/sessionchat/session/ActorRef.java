package org.sessionchat.session;

import java.util.Objects;

/**
 * Where an actor lives in the cluster: the Vert.x node id and an id unique on that node.
 *
 * <p>Why a plain value: it travels inside message payloads (the room's "PID" in
 * {@code roomPID(RoomName, PID)}) as its {@link #toString()} form, and the runtime routes
 * to it by node first (one clustered consumer per node), then locally by actor id.
 */
public record ActorRef(String nodeId, String actorId) {

  public ActorRef {
    Objects.requireNonNull(nodeId, "nodeId");
    Objects.requireNonNull(actorId, "actorId");
    if (actorId.indexOf('/') >= 0) {
      throw new IllegalArgumentException("actorId must not contain '/': " + actorId);
    }
  }

  /** Parses the {@link #toString()} form {@code nodeId/actorId}. */
  public static ActorRef parse(String text) {
    int slash = text.lastIndexOf('/');
    if (slash <= 0 || slash == text.length() - 1) {
      throw new IllegalArgumentException("not an actor reference: " + text);
    }
    return new ActorRef(text.substring(0, slash), text.substring(slash + 1));
  }

  @Override
  public String toString() {
    return nodeId + "/" + actorId;
  }
}
