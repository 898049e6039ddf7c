package org.sessionchat.scribble.fsm;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The {@link Monitor} of one session for one role: a cursor over a shared {@link LocalFsm}. */
final class FsmMonitor implements Monitor {

  private final LocalFsm fsm;
  private final FsmCursor cursor;

  FsmMonitor(LocalFsm fsm) {
    this.fsm = fsm;
    this.cursor = new FsmCursor(fsm, fsm.initial());
  }

  @Override
  public String protocol() {
    return fsm.protocol();
  }

  @Override
  public String role() {
    return fsm.role();
  }

  @Override
  public boolean step(Direction direction, String peer, String label, int arity) {
    return cursor.step(direction, peer, label, arity, null);
  }

  @Override
  public boolean step(Direction direction, String peer, String label, List<?> values) {
    return cursor.step(direction, peer, label, values.size(), values);
  }

  @Override
  public boolean isAccepting() {
    return cursor.completion() != Completion.NONE;
  }

  @Override
  public boolean isTerminal() {
    return cursor.isTerminal();
  }

  @Override
  public Optional<Initiation> pendingInitiation() {
    return cursor.pendingInitiation();
  }

  @Override
  public boolean resume(String outcome) {
    return cursor.resume(outcome);
  }

  @Override
  public Set<String> rolesStillNeeded() {
    return cursor.peers();
  }

  @Override
  public String describeState() {
    return cursor.describe();
  }

  @Override
  public List<String> expected() {
    return cursor.expected();
  }

  @Override
  public String toString() {
    return protocol() + "@" + role() + " " + describeState();
  }
}
