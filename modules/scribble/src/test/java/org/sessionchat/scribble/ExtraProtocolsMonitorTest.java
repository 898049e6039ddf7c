package org.sessionchat.scribble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sessionchat.scribble.fsm.Direction.RECEIVE;
import static org.sessionchat.scribble.fsm.Direction.SEND;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sessionchat.scribble.fsm.Initiation;
import org.sessionchat.scribble.fsm.Monitor;

/** FSMs of protocols other than chat, so the toolkit is not tuned to one file. */
class ExtraProtocolsMonitorTest {

  private static Monitor monitor(String file, String protocol, String role) throws Exception {
    return ProtocolLibrary.load(List.of(Path.of("src/test/resources/good", file)))
        .newMonitor(protocol, role);
  }

  @Test
  void twoBuyerSecondBuyerAcceptsOrQuits() throws Exception {
    Monitor buyer2 = monitor("TwoBuyer.scr", "TwoBuyer", "Buyer2");
    assertThat(buyer2.step(RECEIVE, "Buyer1", "share", 1)).isFalse();
    assertThat(buyer2.step(RECEIVE, "Seller", "quote", 1)).isTrue();
    assertThat(buyer2.step(RECEIVE, "Buyer1", "share", 1)).isTrue();
    assertThat(buyer2.expected()).containsExactly("!ok(1) to Seller", "!quit(0) to Seller");
    assertThat(buyer2.step(SEND, "Seller", "ok", 1)).isTrue();
    assertThat(buyer2.isAccepting()).isFalse();
    assertThat(buyer2.step(RECEIVE, "Seller", "date", 1)).isTrue();
    assertThat(buyer2.isTerminal()).isTrue();
  }

  @Test
  void twoBuyerFirstBuyerIsDoneAfterSharingAndNeedsNobodyMore() throws Exception {
    Monitor buyer1 = monitor("TwoBuyer.scr", "TwoBuyer", "Buyer1");
    assertThat(buyer1.rolesStillNeeded()).containsExactlyInAnyOrder("Seller", "Buyer2");
    assertThat(buyer1.step(SEND, "Seller", "title", 1)).isTrue();
    assertThat(buyer1.step(RECEIVE, "Seller", "quote", 1)).isTrue();
    assertThat(buyer1.rolesStillNeeded()).containsExactly("Buyer2");
    assertThat(buyer1.step(SEND, "Buyer2", "share", 1)).isTrue();
    assertThat(buyer1.isTerminal()).isTrue();
    assertThat(buyer1.rolesStillNeeded()).isEmpty();
  }

  @Test
  void shopSendsReceiptOnlyAfterBothParBranchesAreDone() throws Exception {
    Monitor shop = monitor("Shop.scr", "Shop", "Shop");
    assertThat(shop.step(RECEIVE, "Customer", "query", 1)).isTrue();
    assertThat(shop.step(SEND, "Customer", "soldOut", 0)).isTrue();
    assertThat(shop.step(RECEIVE, "Customer", "buy", 1)).isTrue();
    assertThat(shop.describeState()).contains("[par: ");
    assertThat(shop.step(SEND, "Courier", "pack", 1)).isTrue();
    assertThat(shop.step(SEND, "Customer", "receipt", 0)).isFalse();
    assertThat(shop.step(SEND, "Bank", "charge", 1)).isTrue();
    assertThat(shop.step(SEND, "Customer", "receipt", 0)).isFalse();
    assertThat(shop.step(RECEIVE, "Bank", "declined", 0)).isTrue();
    assertThat(shop.expected()).containsExactly("!receipt(0) to Customer");

    assertThat(shop.step(SEND, "Customer", "receipt", 0)).isTrue();

    assertThat(shop.describeState()).doesNotContain("par");
    assertThat(shop.isTerminal()).isTrue();
  }

  @Test
  void customerTracksParcelInsideBranchItTakesPartIn() throws Exception {
    Monitor customer = monitor("Shop.scr", "Shop", "Customer");
    assertThat(customer.step(SEND, "Shop", "buy", 1)).isTrue();
    assertThat(customer.step(SEND, "Shop", "query", 1)).isFalse();
    assertThat(customer.step(RECEIVE, "Courier", "status", 1)).isTrue();
    assertThat(customer.step(RECEIVE, "Courier", "status", 1)).isTrue();
    assertThat(customer.step(RECEIVE, "Shop", "receipt", 0)).isFalse();
    assertThat(customer.step(RECEIVE, "Courier", "delivered", 1)).isTrue();
    assertThat(customer.step(RECEIVE, "Shop", "receipt", 0)).isTrue();
    assertThat(customer.isTerminal()).isTrue();
  }

  @Test
  void initiatesWithTwoHandlersResumesFromEachOutcome() throws Exception {
    Monitor boss = monitor("Delegation.scr", "Manager", "Boss");
    for (String outcome : List.of(Initiation.SUCCESS, "ParticipantOffline", "Timeout")) {
      assertThat(boss.step(SEND, "Clerk", "assign", 1)).isTrue();
      assertThat(boss.step(RECEIVE, "Clerk", "delegate", 1)).isTrue();
      assertThat(boss.pendingInitiation()).hasValueSatisfying(i -> {
        assertThat(i.protocol()).isEqualTo("Job");
        assertThat(i.internal()).containsExactly("Boss");
        assertThat(i.external()).containsExactly("Worker");
        assertThat(i.handles()).containsExactlyInAnyOrder("ParticipantOffline", "Timeout");
      });
      assertThat(boss.resume(outcome)).as(outcome).isTrue();
    }
    assertThat(boss.isAccepting()).isFalse();
    assertThat(boss.step(SEND, "Clerk", "close", 0)).isTrue();
    assertThat(boss.isTerminal()).isTrue();
  }

  @Test
  void clerkSeesNoInitiatesItIsNotPartOf() throws Exception {
    Monitor clerk = monitor("Delegation.scr", "Manager", "Clerk");
    assertThat(clerk.step(RECEIVE, "Boss", "assign", 1)).isTrue();
    assertThat(clerk.step(SEND, "Boss", "delegate", 1)).isTrue();
    assertThat(clerk.pendingInitiation()).isEmpty();
    assertThat(clerk.step(RECEIVE, "Boss", "assign", 1)).isTrue();
  }

  @Test
  void thirdPartyFollowsAChoiceWhoseBranchesLookTheSameToIt() throws Exception {
    Monitor c = monitor("ThirdParty.scr", "P", "C");
    assertThat(c.step(SEND, "A", "done", 0)).isFalse();
    assertThat(c.step(RECEIVE, "B", "x", 0)).isTrue();
    assertThat(c.step(SEND, "A", "done", 0)).isTrue();
    assertThat(c.isTerminal()).isTrue();
  }

  @Test
  void parOfTwoEndlessStreamsMayStopAnywhereButNeverJoins() throws Exception {
    Monitor left = monitor("Streams.scr", "Streams", "Left");
    assertThat(left.isAccepting()).isTrue();
    assertThat(left.step(SEND, "Right", "up", 1)).isTrue();
    assertThat(left.step(RECEIVE, "Right", "down", 1)).isTrue();
    assertThat(left.isAccepting()).isTrue();
    assertThat(left.isTerminal()).isFalse();
  }

  @Test
  void parInLoopJoinsLazilyWhenTheNextRoundStarts() throws Exception {
    Monitor a = monitor("Streams.scr", "Rounds", "A");
    for (int round = 0; round < 3; round++) {
      assertThat(a.step(SEND, "B", "start", 0)).isTrue();
      assertThat(a.step(RECEIVE, "B", "y", 0)).isTrue();
      assertThat(a.step(SEND, "B", "start", 0)).isFalse();
      assertThat(a.step(SEND, "B", "x", 0)).isTrue();
      assertThat(a.expected()).containsExactly("!start(0) to B", "!stop(0) to B");
    }
    assertThat(a.step(SEND, "B", "stop", 0)).isTrue();
    assertThat(a.isTerminal()).isTrue();
  }

  @Test
  void nestedParJoinsInsideItsBranchBeforeTheOuterJoin() throws Exception {
    Monitor a = monitor("Streams.scr", "Nested", "A");
    assertThat(a.step(SEND, "B", "x", 0)).isFalse();
    assertThat(a.step(SEND, "B", "bye", 0)).isFalse();
    assertThat(a.step(SEND, "B", "hello", 0)).isTrue();
    assertThat(a.describeState()).matches("S\\d+\\[par: S\\d+\\[par: S\\d+\\|S\\d+]\\|S\\d+]");
    assertThat(a.step(RECEIVE, "B", "y", 0)).isTrue();
    assertThat(a.step(RECEIVE, "B", "z", 0)).isTrue();
    assertThat(a.step(SEND, "B", "bye", 0)).isFalse();
    assertThat(a.step(SEND, "B", "x", 0)).isTrue();
    assertThat(a.isAccepting()).isFalse();
    assertThat(a.step(SEND, "B", "bye", 0)).isTrue();
    assertThat(a.isTerminal()).isTrue();
  }
}
