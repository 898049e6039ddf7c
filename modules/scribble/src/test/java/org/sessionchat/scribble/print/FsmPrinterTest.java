package org.sessionchat.scribble.print;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.sessionchat.scribble.ProtocolLibrary;
import org.sessionchat.scribble.fsm.LocalFsm;

/** The FSM text dump and DOT graph say what the FSM is, nested FSMs included. */
class FsmPrinterTest {

  private static final String TEXT = """
      module m;
      type <java> "String" from "" as S;
      global protocol P(role A, role B) {
        rec Loop {
          choice at A {
            go(S) from A to B;
            continue Loop;
          } or {
            stop() from A to B;
          }
        }
        par {
          x() from A to B;
        } and {
          rec Tick {
            tick() from B to A;
            continue Tick;
          }
        }
      }
      """;

  private static LocalFsm fsm() throws Exception {
    return ProtocolLibrary.parse("m.scr", TEXT).fsm("P", "A");
  }

  @Test
  void textDumpShowsTransitionsNestedFsmsAndEndings() throws Exception {
    assertThat(FsmTextPrinter.print(fsm())).isEqualTo("""
        fsm P at A, initial S0
        S0
          !go(S) to B -> S0
          !stop() to B -> S1
        S1
          par: 2 nested FSMs; join -> S5 when all are complete
          nested FSM 1, initial S2:
            S2
              !x() to B -> S3
            S3  (end)
          nested FSM 2, initial S4:
            S4  (idle: head of an exitless rec, counts as complete)
              ?tick() from B -> S4
        S5  (end)
        """);
  }

  @Test
  void dotDrawsEachNestedFsmAsACluster() throws Exception {
    String dot = FsmDotPrinter.print(fsm());
    assertThat(dot).startsWith("digraph \"P_A\" {").endsWith("}\n")
        .contains("start -> S0;")
        .contains("S0 -> S0 [label=\"!go(S) to B\"];")
        .contains("subgraph \"cluster_S1_1\" {", "subgraph \"cluster_S1_2\" {")
        .contains("S1 -> S2 [label=\"\", style=dashed];")
        .contains("S1 -> S5 [label=\"par_transition\", style=bold];")
        .contains("S4 [peripheries=2, style=dashed];")
        .contains("S5 [peripheries=2];");
    assertThat(dot.chars().filter(c -> c == '{').count())
        .isEqualTo(dot.chars().filter(c -> c == '}').count());
  }

  @Test
  void initiatesStateIsABoxWithAnEdgePerOutcome() throws Exception {
    String dot = FsmDotPrinter.print(ProtocolLibrary.parse("chat.scr",
        java.nio.file.Files.readString(java.nio.file.Path.of("../../protocols/ChatServer.scr")))
        .fsm("ChatServer", "ClientThread"));
    assertThat(dot).contains("[shape=box, label=\"S2\\ninitiates ChatSession(ClientThread, new ChatRoom)\"]")
        .contains("S2 -> S0 [label=\"success\", style=bold];")
        .contains("S2 -> S0 [label=\"ParticipantOffline\", style=bold];");
  }
}
