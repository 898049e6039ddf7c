package org.sessionchat.chat;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sessionchat.chat.testing.LimitsBuilder;
import org.sessionchat.chat.testing.LineClient;
import org.sessionchat.chat.testing.LocalChatNode;
import org.slf4j.LoggerFactory;

/**
 * Many connections send random and mutated lines — binary garbage, NUL bytes, bad UTF-8,
 * overlong and unended lines, commands out of place — while a control room chats. The
 * control room must lose nothing and see its lines in order, the node must stay up, and
 * nothing may be logged with a stack trace or at ERROR.
 *
 * <p>Seeded ({@code -Dfuzz.seed=...} replays a run) and bounded in time.
 */
class HostileClientsFuzzTest {

  private static final long SEED = Long.getLong("fuzz.seed", 20_261_125L);
  private static final int FUZZERS = 6;
  private static final int CONTROL_LINES = 300;
  private static final long FUZZ_MILLIS = 4_000;
  private static final int UNENDED_BOUND = 64 * 1024;

  private LocalChatNode node;
  private final ListAppender<ILoggingEvent> log = new ListAppender<>();
  private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

  @BeforeEach
  void start() {
    log.start();
    root.addAppender(log);
    node = LocalChatNode.start(LimitsBuilder.limits().maxUnendedLineBytes(UNENDED_BOUND).build());
  }

  @AfterEach
  void stop() throws Exception {
    try {
      node.close();
    } finally {
      root.detachAppender(log);
    }
  }

  @Test
  void controlRoomLosesNothingWhileHostileClientsSendGarbage() throws Exception {
    ExecutorService pool = Executors.newCachedThreadPool();
    AtomicLong linesSent = new AtomicLong();
    try (LineClient sender = node.connect("ctl-sender");
        LineClient first = node.connect("ctl-first");
        LineClient second = node.connect("ctl-second")) {
      sender.call("CREATE:control", "OK:CREATE:control").call("JOIN:control", "OK:JOIN:control");
      first.call("JOIN:control", "OK:JOIN:control");
      second.call("JOIN:control", "OK:JOIN:control");

      long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(FUZZ_MILLIS);
      List<Future<?>> fuzzers = new ArrayList<>();
      for (int i = 0; i < FUZZERS; i++) {
        Random random = new Random(SEED + i);
        fuzzers.add(pool.submit(() -> fuzz(random, deadline, linesSent, pool)));
      }
      Future<List<String>> firstGot = pool.submit(() -> controlLines(first));
      Future<List<String>> secondGot = pool.submit(() -> controlLines(second));
      for (int i = 0; i < CONTROL_LINES; i++) {
        sender.send("CHAT:" + i);
        if (i % 10 == 0) {
          sync(sender, i); // paced over the fuzzing, and no error for the sender
        }
      }
      for (Future<?> fuzzer : fuzzers) {
        fuzzer.get(FUZZ_MILLIS + 30_000, TimeUnit.MILLISECONDS);
      }
      List<String> expected = new ArrayList<>();
      for (int i = 0; i < CONTROL_LINES; i++) {
        expected.add(String.valueOf(i));
      }
      assertThat(firstGot.get(30, TimeUnit.SECONDS)).as("seed %d", SEED).isEqualTo(expected);
      assertThat(secondGot.get(30, TimeUnit.SECONDS)).as("seed %d", SEED).isEqualTo(expected);
      sync(sender, CONTROL_LINES);
    } finally {
      pool.shutdownNow();
    }

    assertThat(linesSent.get()).as("fuzz lines sent").isGreaterThan(1_000);
    try (LineClient after = node.connect("after")) {
      after.call("PING:up", "PONG:up");
      assertThat(after.send("LIST").next()).startsWith("ROOMS:").contains(":control"); // fuzzers made rooms too
    }
    List<ILoggingEvent> events;
    synchronized (log) { // AppenderBase.doAppend holds this lock: Vert.x threads may still be logging
      events = new ArrayList<>(log.list);
    }
    assertThat(events).as("log events with a stack trace or at ERROR (seed %d)", SEED)
        .filteredOn(event -> event.getThrowableProxy() != null || event.getLevel().isGreaterOrEqual(Level.ERROR))
        .isEmpty();
  }

  /** Pings and reads up to the answer: only chat lines of the room (fuzzers may join it) may come first. */
  private static void sync(LineClient member, int token) {
    member.send("PING:" + token);
    for (String line = member.next(); !line.equals("PONG:" + token); line = member.next()) {
      assertThat(line).startsWith("MSG:control:");
    }
  }

  /** The texts of ctl-sender's lines in the control room, until the last one. */
  private static List<String> controlLines(LineClient member) {
    List<String> texts = new ArrayList<>();
    String last = String.valueOf(CONTROL_LINES - 1);
    while (texts.isEmpty() || !texts.get(texts.size() - 1).equals(last)) {
      String line = member.next();
      assertThat(line).as("connection of a control member").isNotNull();
      if (line.startsWith("MSG:control:ctl-sender:")) {
        texts.add(line.substring("MSG:control:ctl-sender:".length()));
      }
    }
    return texts;
  }

  /** One hostile client: connects, sends garbage until the deadline, reconnects when thrown out. */
  private void fuzz(Random random, long deadline, AtomicLong linesSent, ExecutorService pool) {
    while (System.nanoTime() < deadline) {
      try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), node.port())) {
        InputStream in = socket.getInputStream();
        pool.submit(() -> drain(in)); // a hostile client that reads, so it tests input, not slow consumers
        OutputStream out = socket.getOutputStream();
        while (System.nanoTime() < deadline && !socket.isClosed()) {
          out.write(FuzzLines.next(random, UNENDED_BOUND));
          linesSent.incrementAndGet();
          if (linesSent.get() % 50 == 0) {
            out.flush();
            Thread.onSpinWait();
          }
        }
      } catch (IOException thrownOut) {
        // the node closed this connection (QUIT, an unended line): connect again
      }
    }
  }

  private static void drain(InputStream in) {
    byte[] buffer = new byte[8192];
    try {
      while (in.read(buffer) >= 0) {
        // discard
      }
    } catch (IOException closed) {
      // the fuzzer closed its socket
    }
  }
}
