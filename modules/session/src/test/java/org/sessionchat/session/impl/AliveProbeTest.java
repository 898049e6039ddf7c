package org.sessionchat.session.impl;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A node answers the question "do you run?" only to a node in its member list. */
class AliveProbeTest {

  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void close() throws Exception {
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  @Test
  void aMemberIsAnsweredAndAStrangerIsNot() throws Exception {
    AliveProbe.answering(vertx, "node-1", asker -> asker.equals("node-2"));
    AliveProbe member = AliveProbe.answering(vertx, "node-2", asker -> true);
    AliveProbe stranger = AliveProbe.answering(vertx, "node-3", asker -> true);

    CountDownLatch memberAnswered = new CountDownLatch(1);
    CountDownLatch strangerAnswered = new CountDownLatch(1);
    member.ask("node-1", answer -> {
      if (answer == HangDetector.Answer.RUNS) {
        memberAnswered.countDown();
      }
    });
    stranger.ask("node-1", answer -> strangerAnswered.countDown());

    assertThat(memberAnswered.await(5, TimeUnit.SECONDS)).as("node-2 is in node-1's member list").isTrue();
    assertThat(strangerAnswered.await(1, TimeUnit.SECONDS)).as("node-3 is not").isFalse();
  }

  @Test
  void aNodeWithNoOneToAnswerCannotTell() throws Exception {
    AliveProbe asking = AliveProbe.answering(vertx, "node-2", asker -> true);
    CompletableFuture<HangDetector.Answer> answered = new CompletableFuture<>();
    asking.ask("node-starting", answered::complete);
    assertThat(answered.get(5, TimeUnit.SECONDS)).isEqualTo(HangDetector.Answer.CANNOT_TELL);
  }

  @Test
  void aNodeThatDoesNotAnswerIsNotTakenForAnswering() throws Exception {
    AliveProbe asking = AliveProbe.answering(vertx, "node-2", asker -> true);
    vertx.eventBus().consumer(Addresses.alive("node-stopped"), question -> { }); // registered, never answers
    CountDownLatch answered = new CountDownLatch(1);
    asking.ask("node-stopped", answer -> answered.countDown());
    assertThat(answered.await(1500, TimeUnit.MILLISECONDS)).isFalse();
  }
}
