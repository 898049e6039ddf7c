package org.sessionchat.bench.fault;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What the members of one room lost of each other's numbered lines, pair by pair.
 *
 * <p>Why pairs: a line is owed to a receiver only while both ends of it were in the room. A
 * pair whose members both stayed in (neither was told {@code OFFLINE} nor lost its
 * connection) is owed every line the sender's socket accepted: what it misses is
 * <em>lost</em>. A pair one of whose sessions ended was cut by the fault and told so; what it
 * misses went with that session and is counted apart.
 *
 * @param livePairs      pairs whose members both stayed in the room
 * @param owed           lines sent within live pairs (each counted once per receiver)
 * @param lost           of those, never received
 * @param reordered      received out of the order sent (live pairs)
 * @param duplicated     received more than once (live pairs)
 * @param cutPairs       pairs with at least one ended session
 * @param cutMissing     lines of cut pairs sent before the cut and not received (gone with the session)
 */
record Losses(int livePairs, long owed, long lost, long reordered, long duplicated, int cutPairs, long cutMissing) {

  static final Losses NONE = new Losses(0, 0, 0, 0, 0, 0, 0);

  /** Adds up every ordered pair of distinct members of one room. */
  static Losses ofRoom(List<ProbeMember> members) {
    Losses total = NONE;
    for (ProbeMember sender : members) {
      for (ProbeMember receiver : members) {
        if (sender != receiver) {
          boolean live = sender.inRoom() && receiver.inRoom();
          int owed = live ? sender.sent() : sender.sentBefore(Math.min(sender.leftAt(), receiver.leftAt()));
          total = total.plus(ofPair(owed, receiver.receivedFrom(sender.name()), live));
        }
      }
    }
    return total;
  }

  /** One pair: the receiver is owed 1..{@code sent}; it got {@code got}, in arrival order. */
  static Losses ofPair(int sent, List<Integer> got, boolean live) {
    Set<Integer> distinct = new HashSet<>();
    long reordered = 0;
    int previous = 0;
    for (int number : got) {
      if (number < previous) {
        reordered++;
      }
      previous = Math.max(previous, number);
      if (number >= 1 && number <= sent) {
        distinct.add(number);
      }
    }
    long missing = sent - distinct.size();
    if (live) {
      return new Losses(1, sent, missing, reordered, got.size() - distinct.size(), 0, 0);
    }
    return new Losses(0, 0, 0, 0, 0, 1, missing);
  }

  Losses plus(Losses other) {
    return new Losses(livePairs + other.livePairs, owed + other.owed, lost + other.lost,
        reordered + other.reordered, duplicated + other.duplicated, cutPairs + other.cutPairs,
        cutMissing + other.cutMissing);
  }
}
