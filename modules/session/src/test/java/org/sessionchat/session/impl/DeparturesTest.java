package org.sessionchat.session.impl;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Each departure of a member ends its sessions once, whichever source tells first. */
class DeparturesTest {

  private final Departures departures = new Departures();

  @Test
  void foundGoneFirstThenTheMemberListEndsOnce() {
    departures.joined("n1");
    assertThat(departures.foundGone("n1")).isTrue();
    assertThat(departures.foundGone("n1")).isFalse();
    assertThat(departures.removed("n1")).isFalse();
  }

  @Test
  void theMemberListFirstThenALateFindingEndsOnce() {
    departures.joined("n1");
    assertThat(departures.removed("n1")).isTrue();
    assertThat(departures.foundGone("n1")).isFalse();
  }

  @Test
  void aMemberThatMergedBackEndsAgainWhenItDies() {
    departures.joined("n1");
    assertThat(departures.removed("n1")).isTrue(); // removed while hung
    departures.joined("n1"); // merged back with the same node id
    assertThat(departures.foundGone("n1")).isTrue();
    assertThat(departures.removed("n1")).isFalse();
  }

  @Test
  void aMemberNeverSeenJoiningStillEndsOnRemoval() {
    assertThat(departures.foundGone("n2")).isFalse();
    assertThat(departures.removed("n2")).isTrue();
  }
}
