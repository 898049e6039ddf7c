package org.sessionchat.scribble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sessionchat.scribble.fsm.Direction.RECEIVE;
import static org.sessionchat.scribble.fsm.Direction.SEND;

import java.lang.management.ManagementFactory;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sessionchat.scribble.fsm.Monitor;

/**
 * {@code step} runs for every chat message, so it must not allocate; {@code newMonitor}
 * runs per session and must stay small. Measured with the JVM's per-thread allocation
 * counter.
 */
class MonitorCostTest {

  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  @Test
  void steppingInsideParAllocatesNothing() throws Exception {
    Monitor room = ChatProtocols.library().newMonitor("ChatSession", "ChatRoom");
    chat(room, 10_000);

    long before = THREADS.getCurrentThreadAllocatedBytes();
    boolean allAllowed = chat(room, 100_000);
    long allocated = THREADS.getCurrentThreadAllocatedBytes() - before;

    assertThat(allAllowed).isTrue();
    assertThat(allocated).as("bytes allocated by 200k steps").isLessThan(64 * 1024);
  }

  @Test
  void typedSteppingAllocatesNothing() throws Exception {
    Monitor room = ChatProtocols.library().newMonitor("ChatSession", "ChatRoom");
    List<Object> text = List.of("hello");
    typedChat(room, text, 10_000);

    long before = THREADS.getCurrentThreadAllocatedBytes();
    boolean allAllowed = typedChat(room, text, 100_000);
    long allocated = THREADS.getCurrentThreadAllocatedBytes() - before;

    assertThat(allAllowed).isTrue();
    assertThat(allocated).as("bytes allocated by 200k typed steps").isLessThan(64 * 1024);
  }

  private static boolean typedChat(Monitor room, List<Object> text, int rounds) {
    boolean ok = true;
    for (int i = 0; i < rounds; i++) {
      ok &= room.step(RECEIVE, "ClientThread", "outgoingChatMessage", text);
      ok &= room.step(SEND, "ClientThread", "incomingChatMessage", text);
    }
    return ok;
  }

  @Test
  void newMonitorIsSmall() throws Exception {
    ProtocolLibrary library = ChatProtocols.library();
    for (int i = 0; i < 10_000; i++) {
      library.newMonitor("ChatSession", "ClientThread");
    }
    long before = THREADS.getCurrentThreadAllocatedBytes();
    for (int i = 0; i < 20_000; i++) {
      library.newMonitor("ChatSession", "ClientThread");
    }
    long perMonitor = (THREADS.getCurrentThreadAllocatedBytes() - before) / 20_000;

    assertThat(perMonitor).as("bytes per ChatSession monitor").isLessThan(512);
  }

  private static boolean chat(Monitor room, int rounds) {
    boolean ok = true;
    for (int i = 0; i < rounds; i++) {
      ok &= room.step(RECEIVE, "ClientThread", "outgoingChatMessage", 1);
      ok &= room.step(SEND, "ClientThread", "incomingChatMessage", 1);
    }
    return ok;
  }
}
