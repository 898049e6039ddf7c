package org.sessionchat.chat.actor;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.shareddata.AsyncMap;
import java.util.List;
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
    assertThat(registry.lookup("deck").await(5, TimeUnit.SECONDS)).contains(new RoomRegistry.Entry("deck", mine));
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
    assertThat(registry.lookup("deck").await(5, TimeUnit.SECONDS)).contains(new RoomRegistry.Entry("deck", mine));
  }

  @Test
  void aNameHeldByALiveRoomIsNotClaimed() throws Exception {
    ActorRef other = new ActorRef("live", "room-9");
    map().put("deck", other.toString()).await(5, TimeUnit.SECONDS);
    RoomRegistry registry = RoomRegistry.open(vertx, () -> Set.of("live")).await(5, TimeUnit.SECONDS);

    assertThat(registry.claim("deck", mine).await(5, TimeUnit.SECONDS)).isFalse();
    assertThat(registry.lookup("deck").await(5, TimeUnit.SECONDS)).contains(new RoomRegistry.Entry("deck", other));
  }

  @Test
  void aNameIsOneNameInAnyCaseAndKeepsTheSpellingItWasClaimedWith() throws Exception {
    RoomRegistry registry = RoomRegistry.open(vertx, () -> Set.of("live")).await(5, TimeUnit.SECONDS);
    ActorRef other = new ActorRef("live", "room-9");

    assertThat(registry.claim("Deck", mine).await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(registry.claim("deck", other).await(5, TimeUnit.SECONDS)).isFalse();
    assertThat(registry.claim("DECK", other).await(5, TimeUnit.SECONDS)).isFalse();

    for (String asked : List.of("deck", "Deck", "DECK", "dEcK")) {
      assertThat(registry.lookup(asked).await(5, TimeUnit.SECONDS)).contains(new RoomRegistry.Entry("Deck", mine));
    }
    assertThat(registry.lookup("desk").await(5, TimeUnit.SECONDS)).isEmpty();
    assertThat(map().get("deck").await(5, TimeUnit.SECONDS)).isEqualTo(mine + " Deck");
  }

  @Test
  void roomsAreListedAsSpeltSortedWithoutRegardToCase() throws Exception {
    RoomRegistry registry = RoomRegistry.open(vertx, () -> Set.of("live")).await(5, TimeUnit.SECONDS);
    registry.claim("beta", new ActorRef("live", "room-b")).await(5, TimeUnit.SECONDS);
    registry.claim("Alpha", new ActorRef("live", "room-a")).await(5, TimeUnit.SECONDS);
    registry.claim("Gamma", new ActorRef("dead", "room-g")).await(5, TimeUnit.SECONDS);
    registry.claim("GAMMA", new ActorRef("live", "room-g2")).await(5, TimeUnit.SECONDS); // the dead node's name is free

    assertThat(registry.names().await(5, TimeUnit.SECONDS)).containsExactly("Alpha", "beta", "GAMMA");
  }

  @Test
  void aNameIsReleasedInTheSpellingItWasClaimedWithAndOnlyByItsHolder() throws Exception {
    RoomRegistry registry = RoomRegistry.open(vertx, () -> Set.of("live")).await(5, TimeUnit.SECONDS);
    registry.claim("Deck", mine).await(5, TimeUnit.SECONDS);

    registry.release("Deck", new ActorRef("live", "room-9")).await(5, TimeUnit.SECONDS);
    assertThat(registry.lookup("deck").await(5, TimeUnit.SECONDS)).isPresent();

    registry.release("Deck", mine).await(5, TimeUnit.SECONDS);
    assertThat(registry.lookup("deck").await(5, TimeUnit.SECONDS)).isEmpty();
    assertThat(registry.claim("deck", new ActorRef("live", "room-9")).await(5, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void aNodeThatLeftTakesItsRoomsInEverySpellingWithIt() throws Exception {
    RoomRegistry registry = RoomRegistry.open(vertx, () -> Set.of("live", "dead")).await(5, TimeUnit.SECONDS);
    registry.claim("Deck", stale).await(5, TimeUnit.SECONDS);
    registry.claim("lower", new ActorRef("dead", "room-3")).await(5, TimeUnit.SECONDS);
    registry.claim("Kept", mine).await(5, TimeUnit.SECONDS);

    registry.forgetNode("dead").await(5, TimeUnit.SECONDS);

    assertThat(registry.names().await(5, TimeUnit.SECONDS)).containsExactly("Kept");
  }

  private AsyncMap<String, String> map() throws Exception {
    return vertx.sharedData().<String, String>getAsyncMap(RoomRegistry.MAP_NAME).await(5, TimeUnit.SECONDS);
  }
}
