package org.sessionchat.chat.actor;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.shareddata.AsyncMap;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sessionchat.session.ActorRef;

class RoomRegistryTest {

  private final Vertx vertx = Vertx.vertx();
  private final ActorRef mine = new ActorRef("live", "room-2");
  private final ActorRef stale = new ActorRef("dead", "room-1");

  @AfterEach
  void close() throws Exception {
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  @Test
  void aNameHeldByADeadNodesRoomCanBeClaimed() throws Exception {
    map().put("deck", stale.toString()).await(5, TimeUnit.SECONDS);
    RoomRegistry registry = RoomRegistry.open(vertx, () -> Set.of("live")).await(5, TimeUnit.SECONDS);

    assertThat(registry.claim("deck", mine).await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(registry.lookup("deck").await(5, TimeUnit.SECONDS)).contains(mine);
  }

  @Test
  void aClaimRacingTheCleanUpOfADeadNodeStillSucceeds() throws Exception {
    AsyncMap<String, String> map = map();
    map.put("deck", stale.toString()).await(5, TimeUnit.SECONDS);
    AtomicBoolean cleanedUp = new AtomicBoolean();
    // The clean-up (another node's forgetNode) removes the stale entry right after this
    // node saw it and before it replaces it.
    RoomRegistry registry = RoomRegistry.open(vertx, () -> {
      if (cleanedUp.compareAndSet(false, true)) {
        map.remove("deck");
      }
      return Set.of("live");
    }).await(5, TimeUnit.SECONDS);

    assertThat(registry.claim("deck", mine).await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(cleanedUp).isTrue();
    assertThat(registry.lookup("deck").await(5, TimeUnit.SECONDS)).contains(mine);
  }

  @Test
  void aNameHeldByALiveRoomIsNotClaimed() throws Exception {
    ActorRef other = new ActorRef("live", "room-9");
    map().put("deck", other.toString()).await(5, TimeUnit.SECONDS);
    RoomRegistry registry = RoomRegistry.open(vertx, () -> Set.of("live")).await(5, TimeUnit.SECONDS);

    assertThat(registry.claim("deck", mine).await(5, TimeUnit.SECONDS)).isFalse();
    assertThat(registry.lookup("deck").await(5, TimeUnit.SECONDS)).contains(other);
  }

  private AsyncMap<String, String> map() throws Exception {
    return vertx.sharedData().<String, String>getAsyncMap(RoomRegistry.MAP_NAME).await(5, TimeUnit.SECONDS);
  }
}
