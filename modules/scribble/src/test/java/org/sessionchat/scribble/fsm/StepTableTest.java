package org.sessionchat.scribble.fsm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.sessionchat.scribble.ProtocolLibrary;

/**
 * The compiled step table must take exactly the transition the FSM's states describe, for
 * every message of every state of every role of the project's protocols, and refuse what no
 * state allows.
 */
class StepTableTest {

  @Test
  void everyTransitionOfEveryProjectProtocolIsFoundAsTheStatesHaveIt() throws Exception {
    List<Path> files;
    try (Stream<Path> listing = Files.list(Path.of("../../protocols"))) {
      files = listing.filter(p -> p.toString().endsWith(".scr")).sorted().toList();
    }
    ProtocolLibrary library = ProtocolLibrary.load(files);
    int checked = 0;
    for (String protocol : library.protocolNames()) {
      for (String role : library.roles(protocol)) {
        LocalFsm fsm = library.fsm(protocol, role);
        StepTable table = fsm.table();
        for (State state : fsm.states()) {
          assertThat(table.terminal[state.id()]).isEqualTo(state.isTerminal());
          assertThat(table.own[state.id()]).isEqualTo(Completion.of(state));
          for (Transition t : state.transitions()) {
            List<Object> values = new ArrayList<>(Collections.nCopies(t.arity(), (Object) "x"));
            Transition expected = state.find(t.direction(), new String(t.peer()), new String(t.label()), t.arity(),
                values);
            int target = find(table, state.id(), t.direction(), new String(t.peer()), new String(t.label()),
                t.arity(), values);
            assertThat(target).isEqualTo(expected == null ? -1 : expected.target());
            assertThat(find(table, state.id(), t.direction(), t.peer(), t.label() + "X", t.arity(), null)).isEqualTo(-1);
            assertThat(find(table, state.id(), t.direction(), t.peer(), t.label(), t.arity() + 1, null)).isEqualTo(-1);
            checked++;
          }
        }
      }
    }
    assertThat(checked).isGreaterThan(20);
  }

  /** The target of the transition of message state {@code s} that takes this message, or -1. */
  private static int find(StepTable table, int s, Direction d, String p, String l, int a, List<?> values) {
    int i = table.transition(s, d, p, l, a, values);
    return i < 0 ? -1 : table.target(i);
  }
}
