package org.sessionchat.scribble.model;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import org.sessionchat.scribble.fsm.RoleState;

/**
 * One state of the composed system, as scribble-java's {@code SConfig}: every role's place
 * in its FSM and, for each ordered pair of roles, the message in flight from one to the
 * other (a queue of one, as scribble-java's). {@code committed} holds, per role, the branch
 * it chose at each choice state so far; it is empty unless output choices are unfair.
 */
record Config(RoleState[] roles, RoleState.Move[] queues, Map<Integer, String>[] committed) {

  int size() {
    return roles.length;
  }

  RoleState.Move queue(int from, int to) {
    return queues[from * roles.length + to];
  }

  Config with(int role, RoleState state, int queueIndex, RoleState.Move inFlight,
      Map<Integer, String> commitments) {
    RoleState[] nextRoles = roles.clone();
    nextRoles[role] = state;
    RoleState.Move[] nextQueues = queues.clone();
    if (queueIndex >= 0) {
      nextQueues[queueIndex] = inFlight;
    }
    Map<Integer, String>[] nextCommitted = committed.clone();
    nextCommitted[role] = commitments;
    return new Config(nextRoles, nextQueues, nextCommitted);
  }

  /** Equal for equal configurations. */
  String key() {
    StringBuilder key = new StringBuilder();
    for (int i = 0; i < roles.length; i++) {
      key.append(roles[i].key()).append(committed[i].isEmpty() ? "" : new TreeMap<>(committed[i]))
          .append(';');
    }
    for (RoleState.Move m : queues) {
      key.append(m == null ? "-" : m.transition().label() + "/" + m.transition().arity())
          .append(',');
    }
    return key.toString();
  }

  @Override
  public String toString() {
    return Arrays.toString(roles) + " queues " + Arrays.toString(queues);
  }
}
