package org.sessionchat.bench.run;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.List;

/**
 * One room of the scenario: its members (the first {@code senders} of them talk) and the
 * moment it exists, which the other members wait for before they join.
 */
final class Room {

  private final String name;
  private final int firstClientId;
  private final int senders;
  private final List<BenchClient> members = new ArrayList<>();
  private final Promise<Void> ready = Promise.promise();

  Room(String name, int firstClientId, int senders) {
    this.name = name;
    this.firstClientId = firstClientId;
    this.senders = senders;
  }

  String name() {
    return name;
  }

  void add(BenchClient member) {
    members.add(member);
  }

  List<BenchClient> members() {
    return members;
  }

  /** Index of a sender among this room's senders, or -1 when the id is no sender of this room. */
  int senderSlot(int clientId) {
    int slot = clientId - firstClientId;
    return slot >= 0 && slot < senders ? slot : -1;
  }

  int senders() {
    return senders;
  }

  /** Completes once the room exists on the server. */
  Future<Void> ready() {
    return ready.future();
  }

  void markReady() {
    ready.tryComplete();
  }

  /** The creator could not make the room: nobody else will get in. */
  void fail(String why) {
    ready.tryFail("room " + name + " was not created: " + why);
  }

  /** Members that got in, the creator included. */
  int joinedMembers() {
    int count = 0;
    for (BenchClient member : members) {
      if (member.isJoined()) {
        count++;
      }
    }
    return count;
  }
}
