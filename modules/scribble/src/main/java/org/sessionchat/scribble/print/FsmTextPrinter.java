package org.sessionchat.scribble.print;

import java.util.List;
import org.sessionchat.scribble.fsm.LocalFsm;
import org.sessionchat.scribble.fsm.Region;
import org.sessionchat.scribble.fsm.State;
import org.sessionchat.scribble.fsm.Transition;

/**
 * A readable dump of a local FSM: each state with its way(s) out; the nested FSMs of a
 * {@code par} are printed indented under it, and the states where the FSM may stop say why.
 */
public final class FsmTextPrinter {

  private final LocalFsm fsm;
  private final StringBuilder out = new StringBuilder();

  private FsmTextPrinter(LocalFsm fsm) {
    this.fsm = fsm;
  }

  public static String print(LocalFsm fsm) {
    FsmTextPrinter printer = new FsmTextPrinter(fsm);
    printer.out.append("fsm ").append(fsm.protocol()).append(" at ").append(fsm.role())
        .append(", initial ").append(fsm.state(fsm.initial()).name()).append('\n');
    printer.region(Region.TOP, 0);
    return printer.out.toString();
  }

  private void region(Region region, int depth) {
    for (State state : fsm.statesIn(region)) {
      state(state, depth);
    }
  }

  private void state(State s, int depth) {
    line(depth, s.name() + (FsmText.ending(s).isEmpty() ? "" : "  (" + FsmText.ending(s) + ")"));
    switch (s.kind()) {
      case MESSAGES -> {
        for (Transition t : s.transitions()) {
          line(depth + 1, t.signature() + " -> " + fsm.state(t.target()).name());
        }
      }
      case INITIATES -> {
        line(depth + 1, FsmText.initiation(s.initiation().orElseThrow()));
        s.exits().forEach((outcome, exit) ->
            line(depth + 2, outcome + " -> " + fsm.state(exit).name()));
      }
      case PAR -> {
        List<Integer> branches = s.branches();
        line(depth + 1, "par: " + branches.size() + " nested FSMs; join -> "
            + fsm.state(s.join()).name() + " when all are complete");
        for (int b = 0; b < branches.size(); b++) {
          line(depth + 1, "nested FSM " + (b + 1) + ", initial "
              + fsm.state(branches.get(b)).name() + ":");
          region(new Region(s.id(), b), depth + 2);
        }
      }
    }
  }

  private void line(int depth, String text) {
    out.append("  ".repeat(depth)).append(text).append('\n');
  }
}
