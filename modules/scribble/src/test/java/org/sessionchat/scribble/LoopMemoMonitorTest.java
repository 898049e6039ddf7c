package org.sessionchat.scribble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sessionchat.scribble.fsm.Direction.RECEIVE;
import static org.sessionchat.scribble.fsm.Direction.SEND;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sessionchat.scribble.fsm.Monitor;

/**
 * A loop's message taken again without a search (the monitor remembers the loop it took last)
 * must be refused, or taken elsewhere, exactly where a search would refuse it or take another
 * transition.
 */
class LoopMemoMonitorTest {

  private static final String TYPES = """
      module memo.Loops;
      type <java> "java.lang.String" from "rt.jar" as String;
      type <java> "java.lang.Long" from "rt.jar" as Long;
      type <java> "com.example.NotThere" from "x.jar" as Opaque;
      """;

  @Test
  void theChatLoopIsLeftOnceTheClientLeavesAndRefusesItsLinesAfter() throws Exception {
    Monitor client = ChatProtocols.library().newMonitor("ChatSession", "ClientThread");
    for (int line = 0; line < 3; line++) {
      assertThat(client.step(RECEIVE, "ChatRoom", "incomingChatMessage", List.of("theirs " + line))).isTrue();
      assertThat(client.step(SEND, "ChatRoom", "outgoingChatMessage", List.of("line " + line))).isTrue();
    }
    assertThat(client.step(SEND, "ChatRoom", "outgoingChatMessage", List.of(7L))).isFalse();
    assertThat(client.step(SEND, "ChatRoom", "leaveRoom", List.of())).isTrue();

    assertThat(client.isTerminal()).isTrue();
    assertThat(client.step(SEND, "ChatRoom", "outgoingChatMessage", List.of("after"))).isFalse();
    assertThat(client.step(RECEIVE, "ChatRoom", "incomingChatMessage", List.of("after"))).isFalse();
  }

  @Test
  void anEarlierBranchOfTheSameLabelTakesThePayloadItAcceptsAfterALaterBranchLooped() throws Exception {
    ProtocolLibrary library = ProtocolLibrary.parse("memo.scr", TYPES + """
        global protocol P(role A, role B) {
          par {
            m(Long) from A to B;
          } and {
            rec L {
              choice at A {
                m(Opaque) from A to B;
                continue L;
              } or {
                stop() from A to B;
              }
            }
          }
        }
        """);
    Monitor a = library.newMonitor("P", "A");

    assertThat(a.step(SEND, "B", "m", List.of("any"))).isTrue(); // the loop's
    assertThat(a.step(SEND, "B", "m", List.of("any"))).isTrue();
    assertThat(a.step(SEND, "B", "m", List.of(5L))).isTrue(); // the first branch's, which then ends
    assertThat(a.step(SEND, "B", "stop", List.of())).isTrue();

    assertThat(a.isTerminal()).isTrue();
  }
}
