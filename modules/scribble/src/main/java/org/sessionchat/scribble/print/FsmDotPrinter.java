package org.sessionchat.scribble.print;

import org.sessionchat.scribble.fsm.LocalFsm;
import org.sessionchat.scribble.fsm.Region;
import org.sessionchat.scribble.fsm.State;
import org.sessionchat.scribble.fsm.Transition;

/**
 * A local FSM as a Graphviz digraph. Each nested FSM of a {@code par} is a cluster; the par
 * state (an octagon) forks into them (dashed) and its {@code par_transition} edge is the join. States
 * where the FSM may stop have two rings; idle loop heads a dashed outline; an
 * {@code initiates} state is a box with one edge per outcome.
 */
public final class FsmDotPrinter {

  private final LocalFsm fsm;
  private final StringBuilder out = new StringBuilder();

  private FsmDotPrinter(LocalFsm fsm) {
    this.fsm = fsm;
  }

  public static String print(LocalFsm fsm) {
    FsmDotPrinter printer = new FsmDotPrinter(fsm);
    printer.out.append("digraph ").append(quote(fsm.protocol() + "_" + fsm.role()))
        .append(" {\n  label=").append(quote(fsm.protocol() + " at " + fsm.role()))
        .append(";\n  node [shape=circle];\n  start [shape=point];\n  start -> ")
        .append(fsm.state(fsm.initial()).name()).append(";\n");
    printer.region(Region.TOP, 1);
    printer.out.append("}\n");
    return printer.out.toString();
  }

  private void region(Region region, int depth) {
    for (State state : fsm.statesIn(region)) {
      state(state, depth);
    }
  }

  private void state(State s, int depth) {
    String name = s.name();
    switch (s.kind()) {
      case MESSAGES -> {
        String attributes = s.endsHere() ? "peripheries=2" : s.idleHead()
            ? "peripheries=2, style=dashed" : "";
        line(depth, name + (attributes.isEmpty() ? "" : " [" + attributes + "]") + ";");
        for (Transition t : s.transitions()) {
          edge(depth, name, fsm.state(t.target()).name(), t.signature(), "");
        }
      }
      case INITIATES -> {
        line(depth, name + " [shape=box, label=" + quote(name + "\n"
            + FsmText.initiation(s.initiation().orElseThrow())) + "];");
        s.exits().forEach((outcome, exit) ->
            edge(depth, name, fsm.state(exit).name(), outcome, ", style=bold"));
      }
      case PAR -> {
        line(depth, name + " [shape=octagon, label=" + quote(name + "\npar") + "];");
        for (int b = 0; b < s.branches().size(); b++) {
          line(depth, "subgraph " + quote("cluster_" + name + "_" + (b + 1)) + " {");
          line(depth + 1, "label=" + quote(name + " nested FSM " + (b + 1)) + ";");
          region(new Region(s.id(), b), depth + 1);
          line(depth, "}");
          edge(depth, name, fsm.state(s.branches().get(b)).name(), "", ", style=dashed");
        }
        edge(depth, name, fsm.state(s.join()).name(), "par_transition", ", style=bold");
      }
    }
  }

  private void edge(int depth, String from, String to, String label, String extra) {
    line(depth, from + " -> " + to + " [label=" + quote(label) + extra + "];");
  }

  private void line(int depth, String text) {
    out.append("  ".repeat(depth)).append(text).append('\n');
  }

  private static String quote(String text) {
    return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
  }
}
