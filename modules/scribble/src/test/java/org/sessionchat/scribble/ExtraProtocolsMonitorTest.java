package org.sessionchat.scribble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sessionchat.scribble.Trace.allowed;
import static org.sessionchat.scribble.Trace.refused;

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
    refused(buyer2, "?share(1) from Buyer1");
    allowed(buyer2, "?quote(1) from Seller", "?share(1) from Buyer1");
    assertThat(buyer2.expected()).containsExactly("!ok(1) to Seller", "!quit(0) to Seller");
    allowed(buyer2, "!ok(1) to Seller");
    assertThat(buyer2.isAccepting()).isFalse();
    allowed(buyer2, "?date(1) from Seller");
    assertThat(buyer2.isTerminal()).isTrue();
  }

  @Test
  void twoBuyerFirstBuyerIsDoneAfterSharingAndNeedsNobodyMore() throws Exception {
    Monitor buyer1 = monitor("TwoBuyer.scr", "TwoBuyer", "Buyer1");
    assertThat(buyer1.rolesStillNeeded()).containsExactlyInAnyOrder("Seller", "Buyer2");
    allowed(buyer1, "!title(1) to Seller", "?quote(1) from Seller");
    assertThat(buyer1.rolesStillNeeded()).containsExactly("Buyer2");
    allowed(buyer1, "!share(1) to Buyer2");
    assertThat(buyer1.isTerminal()).isTrue();
    assertThat(buyer1.rolesStillNeeded()).isEmpty();
  }

  @Test
  void shopSendsReceiptOnlyAfterBothParBranchesAreDone() throws Exception {
    Monitor shop = monitor("Shop.scr", "Shop", "Shop");
    allowed(shop, "?query(1) from Customer", "!soldOut(0) to Customer",
        "!browsing(0) to Bank", "!browsing(0) to Courier", "?buy(1) from Customer");
    assertThat(shop.describeState()).contains("[par: ");
    allowed(shop, "!pack(1) to Courier");
    refused(shop, "!receipt(0) to Customer");
    allowed(shop, "!charge(1) to Bank");
    refused(shop, "!receipt(0) to Customer");
    allowed(shop, "?declined(0) from Bank");
    refused(shop, "!receipt(0) to Customer");
    allowed(shop, "?status(1) from Courier", "?delivered(1) from Courier");
    assertThat(shop.expected()).containsExactly("!receipt(0) to Customer");

    allowed(shop, "!receipt(0) to Customer");

    assertThat(shop.describeState()).doesNotContain("par");
    assertThat(shop.isTerminal()).isTrue();
  }

  @Test
  void customerTracksParcelInsideBranchItTakesPartIn() throws Exception {
    Monitor customer = monitor("Shop.scr", "Shop", "Customer");
    allowed(customer, "!buy(1) to Shop");
    refused(customer, "!query(1) to Shop");
    allowed(customer, "?status(1) from Courier", "?status(1) from Courier");
    refused(customer, "?receipt(0) from Shop");
    allowed(customer, "?delivered(1) from Courier", "?receipt(0) from Shop");
    assertThat(customer.isTerminal()).isTrue();
  }

  @Test
  void initiatesWithTwoHandlersResumesFromEachOutcome() throws Exception {
    Monitor boss = monitor("Delegation.scr", "Manager", "Boss");
    for (String outcome : List.of(Initiation.SUCCESS, "ParticipantOffline", "Timeout")) {
      allowed(boss, "!assign(1) to Clerk", "?delegate(1) from Clerk");
      assertThat(boss.pendingInitiation()).hasValueSatisfying(i -> {
        assertThat(i.protocol()).isEqualTo("Job");
        assertThat(i.internal()).containsExactly("Boss");
        assertThat(i.external()).containsExactly("Worker");
        assertThat(i.handles()).containsExactlyInAnyOrder("ParticipantOffline", "Timeout");
      });
      assertThat(boss.resume(outcome)).as(outcome).isTrue();
    }
    assertThat(boss.isAccepting()).isFalse();
    allowed(boss, "!close(0) to Clerk");
    assertThat(boss.isTerminal()).isTrue();
  }

  @Test
  void clerkSeesNoInitiatesItIsNotPartOf() throws Exception {
    Monitor clerk = monitor("Delegation.scr", "Manager", "Clerk");
    allowed(clerk, "?assign(1) from Boss", "!delegate(1) to Boss");
    assertThat(clerk.pendingInitiation()).isEmpty();
    allowed(clerk, "?assign(1) from Boss");
  }

  @Test
  void thirdPartyFollowsAChoiceWhoseBranchesLookTheSameToIt() throws Exception {
    Monitor c = monitor("ThirdParty.scr", "P", "C");
    refused(c, "!done(0) to A");
    allowed(c, "?x(0) from B", "!done(0) to A");
    assertThat(c.isTerminal()).isTrue();
  }

  @Test
  void parOfTwoEndlessStreamsMayStopAnywhereButNeverJoins() throws Exception {
    Monitor left = monitor("Streams.scr", "Streams", "Left");
    assertThat(left.isAccepting()).isTrue();
    allowed(left, "!up(1) to Right", "?down(1) from Right");
    assertThat(left.isAccepting()).isTrue();
    assertThat(left.isTerminal()).isFalse();
  }

  @Test
  void parInLoopJoinsLazilyWhenTheNextRoundStarts() throws Exception {
    Monitor a = monitor("Streams.scr", "Rounds", "A");
    for (int round = 0; round < 3; round++) {
      allowed(a, "!start(0) to B", "?y(0) from B");
      refused(a, "!start(0) to B");
      allowed(a, "!x(0) to B");
      assertThat(a.expected()).containsExactly("!start(0) to B", "!stop(0) to B");
    }
    allowed(a, "!stop(0) to B");
    assertThat(a.isTerminal()).isTrue();
  }

  @Test
  void nestedParJoinsInsideItsBranchBeforeTheOuterJoin() throws Exception {
    Monitor a = monitor("Streams.scr", "Nested", "A");
    refused(a, "!x(0) to B", "!bye(0) to B");
    allowed(a, "!hello(0) to B");
    assertThat(a.describeState()).matches("S\\d+\\[par: S\\d+\\[par: S\\d+\\|S\\d+]\\|S\\d+]");
    allowed(a, "?y(0) from B", "?z(0) from B");
    refused(a, "!bye(0) to B");
    allowed(a, "!x(0) to B");
    assertThat(a.isAccepting()).isFalse();
    allowed(a, "!bye(0) to B");
    assertThat(a.isTerminal()).isTrue();
  }
}
