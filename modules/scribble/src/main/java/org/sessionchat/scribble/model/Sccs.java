package org.sessionchat.scribble.model;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The terminal strongly connected components of a system graph: sets of configurations
 * the system can never leave once it is in them (scribble-java's "terminal sets", where
 * its liveness is judged). Tarjan's algorithm, iterative so a long run cannot overflow the
 * stack.
 */
final class Sccs {

  private Sccs() {}

  static List<Set<Integer>> terminal(SystemGraph graph) {
    int n = graph.configs.size();
    int[] index = new int[n];
    int[] low = new int[n];
    int[] component = new int[n];
    boolean[] onStack = new boolean[n];
    Arrays.fill(index, -1);
    Deque<Integer> stack = new ArrayDeque<>();
    List<Set<Integer>> components = new ArrayList<>();
    int counter = 0;
    for (int root = 0; root < n; root++) {
      if (index[root] >= 0) {
        continue;
      }
      Deque<int[]> calls = new ArrayDeque<>();
      calls.push(new int[] {root, 0});
      index[root] = low[root] = counter++;
      stack.push(root);
      onStack[root] = true;
      while (!calls.isEmpty()) {
        int[] frame = calls.peek();
        int v = frame[0];
        List<SystemGraph.Edge> out = graph.edges.get(v);
        if (frame[1] < out.size()) {
          int w = out.get(frame[1]++).target();
          if (index[w] < 0) {
            index[w] = low[w] = counter++;
            stack.push(w);
            onStack[w] = true;
            calls.push(new int[] {w, 0});
          } else if (onStack[w]) {
            low[v] = Math.min(low[v], index[w]);
          }
          continue;
        }
        calls.pop();
        if (!calls.isEmpty()) {
          int parent = calls.peek()[0];
          low[parent] = Math.min(low[parent], low[v]);
        }
        if (low[v] == index[v]) {
          Set<Integer> scc = new LinkedHashSet<>();
          int w;
          do {
            w = stack.pop();
            onStack[w] = false;
            component[w] = components.size();
            scc.add(w);
          } while (w != v);
          components.add(scc);
        }
      }
    }
    List<Set<Integer>> terminal = new ArrayList<>();
    for (int c = 0; c < components.size(); c++) {
      int self = c;
      boolean leaves = components.get(c).stream().anyMatch(v -> graph.edges.get(v).stream()
          .anyMatch(e -> component[e.target()] != self));
      if (!leaves) {
        terminal.add(components.get(c));
      }
    }
    return terminal;
  }
}
