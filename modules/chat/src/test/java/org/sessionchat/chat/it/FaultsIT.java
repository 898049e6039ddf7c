package org.sessionchat.chat.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sessionchat.chat.testing.IrcClient;

/**
 * The faults a cluster must come back from whole, on real node JVMs driven by
 * {@code scripts/cluster} and {@code scripts/faults}: a hung node (SIGSTOP, then SIGCONT) and a
 * 2+1 network partition that heals, each with chat going on. The kill -9 cases are in
 * {@link ClusterFailureIT}. Every process is stopped by PID and the partition's nftables
 * table deleted by name, also when a test fails.
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES)
@ExtendWith(ClusterLogsOnFailure.class)
class FaultsIT {

  private static final Duration REPLY = Duration.ofSeconds(10);
  /** Generous: the figures are measured in docs/reliability.md; this only bounds a busy machine. */
  private static final Duration DETECTED_WITHIN = Duration.ofSeconds(20);
  private static final Duration HEALED_WITHIN = Duration.ofSeconds(60);

  @Test
  void aHungNodeIsRemovedAndComesBackWholeAfterItResumes() throws Exception {
    try (ScriptedCluster cluster = new ScriptedCluster(true).start(3);
        ChatConnection host3 = cluster.connect("host3", 3);
        ChatConnection member1 = cluster.connect("member1", 1);
        ChatConnection host1 = cluster.connect("host1", 1);
        ChatConnection member3 = cluster.connect("member3", 3)) {
      ChatConnection.roomWith("hung", host3, member1);
      ChatConnection.roomWith("awake", host1, member3);

      cluster.pause(3);
      member1.await("OFFLINE:hung", DETECTED_WITHIN);
      Thread.sleep(3_000); // stays stopped well past its removal
      cluster.resume(3);

      // its client in a room elsewhere is told that room is lost to it
      member3.await("OFFLINE:awake", DETECTED_WITHIN);
      // a JOIN from it to a room elsewhere works at once: it waits for the node to be taken back
      try (ChatConnection late3 = cluster.connect("late3", 3)) {
        late3.send("JOIN:awake");
        assertThat(late3.next(HEALED_WITHIN)).isEqualTo("OK:JOIN:awake");
      }
      // its own room is back in the registry everywhere and joinable (no ghost)
      await().atMost(HEALED_WITHIN).pollInterval(Duration.ofMillis(500))
          .untilAsserted(() -> member1.request("LIST", "ROOMS:awake:hung"));
      member1.request("JOIN:hung", "OK:JOIN:hung");
      host3.send("CHAT:awake again");
      member1.await("MSG:hung:host3:awake again", REPLY);
    }
  }

  @Test
  void aTwoPlusOnePartitionKeepsBothSidesServingAndHealsIntoOneCluster() throws Exception {
    assumeTrue(ScriptedCluster.canSplit(), "needs root and nftables (apt-get install nftables)");
    try (ScriptedCluster cluster = new ScriptedCluster(true).start(3);
        ChatConnection talker = cluster.connect("talker", 1);
        ChatConnection listener = cluster.connect("listener", 2);
        ChatConnection across = cluster.connect("across", 3);
        ChatConnection host3 = cluster.connect("host3", 3);
        ChatConnection guest1 = cluster.connect("guest1", 1);
        IrcClient keeper = cluster.irc("keeper", 3)) {
      ChatConnection.roomWith("major", talker, listener, across);
      ChatConnection.roomWith("minor", host3, guest1);
      AtomicBoolean talking = new AtomicBoolean(true);
      AtomicInteger sent = new AtomicInteger();
      Thread load = new Thread(() -> {
        while (talking.get()) {
          try {
            talker.send("CHAT:m" + sent.incrementAndGet());
            Thread.sleep(50);
          } catch (Exception e) {
            return;
          }
        }
      }, "chat-load");
      load.start();

      cluster.split("1 2", "3");
      across.await("OFFLINE:major", DETECTED_WITHIN);
      guest1.await("OFFLINE:minor", DETECTED_WITHIN);
      // the minority refuses CREATE and keeps serving the room it hosts
      await().atMost(DETECTED_WITHIN).until(() -> cluster.clusterSize(3) == 1);
      try (ChatConnection minority = cluster.connect("minority", 3)) {
        minority.request("CREATE:both", "ERROR:UNAVAILABLE:CREATE");
        minority.request("JOIN:minor", "OK:JOIN:minor");
        host3.send("CHAT:still here");
        minority.await("MSG:minor:host3:still here", REPLY);
      }
      try (ChatConnection majority = cluster.connect("majority", 2)) {
        majority.request("CREATE:both", "OK:CREATE:both");
      }
      // nicks have no quorum: both sides grant the same one
      IrcClient dupMinor = cluster.irc("dup", 3);
      IrcClient dupMajor = cluster.irc("dup", 1);

      cluster.heal();
      await().atMost(HEALED_WITHIN).pollInterval(Duration.ofMillis(500))
          .until(() -> cluster.clusterSize(1) == 3 && cluster.clusterSize(2) == 3 && cluster.clusterSize(3) == 3);
      talking.set(false);
      load.join(5_000);

      // the majority's member lost nothing, in order
      List<String> got = new ArrayList<>(listener.await("MSG:major:talker:m" + sent.get(), REPLY));
      got.add("MSG:major:talker:m" + sent.get());
      List<Integer> numbers = new ArrayList<>();
      for (String line : got) {
        if (line.startsWith("MSG:major:talker:m")) {
          numbers.add(Integer.parseInt(line.substring("MSG:major:talker:m".length())));
        }
      }
      assertThat(numbers).as("every chat line of the majority side, in order").isSorted()
          .containsAll(java.util.stream.IntStream.rangeClosed(1, sent.get()).boxed().toList());
      // one registry: the same LIST everywhere, each name once, no ghost; routing both ways
      for (int node = 1; node <= 3; node++) {
        try (ChatConnection lister = cluster.connect("lister" + node, node)) {
          await().atMost(HEALED_WITHIN).pollInterval(Duration.ofMillis(500))
              .untilAsserted(() -> lister.request("LIST", "ROOMS:both:major:minor"));
        }
      }
      // one holder per nick again: the majority's keeps "dup", the minority's is renamed; the
      // minority's nick held from before the split is still held
      try (dupMinor; dupMajor; IrcClient other = cluster.irc("other", 2)) {
        String renamed = awaitIrc(dupMinor, ":dup!", " NICK :", HEALED_WITHIN);
        String given = renamed.substring(renamed.indexOf(" NICK :") + 7);
        other.send("NICK dup");
        assertThat(IrcClient.numeric(other.next())).isEqualTo("433");
        other.send("NICK keeper");
        assertThat(IrcClient.numeric(other.next())).isEqualTo("433");
        other.send("PRIVMSG dup :to the one who kept it");
        awaitIrc(dupMajor, "PRIVMSG dup :to the one who kept it", "", REPLY);
        other.send("PRIVMSG " + given + " :to the renamed one");
        awaitIrc(dupMinor, "PRIVMSG " + given + " :to the renamed one", "", REPLY);
      }
      try (ChatConnection from1 = cluster.connect("from1", 1); ChatConnection from3 = cluster.connect("from3", 3)) {
        from1.request("JOIN:minor", "OK:JOIN:minor");
        host3.send("CHAT:to one");
        from1.await("MSG:minor:host3:to one", REPLY);
        from1.send("CHAT:to three");
        host3.await("MSG:minor:from1:to three", REPLY);
        from3.request("JOIN:major", "OK:JOIN:major");
        from3.send("CHAT:to the majority");
        listener.await("MSG:major:from3:to the majority", REPLY);
      }
    }
  }

  /** The first line of {@code client} containing both parts, waiting up to {@code within}. */
  private static String awaitIrc(IrcClient client, String part, String also, Duration within) {
    long deadline = System.nanoTime() + within.toNanos();
    while (true) {
      try {
        String line = client.next();
        if (line != null && line.contains(part) && line.contains(also)) {
          return line;
        }
      } catch (AssertionError quiet) { // nothing for a read time-out
        if (System.nanoTime() > deadline) {
          throw new AssertionError("no line with " + part + " within " + within, quiet);
        }
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no line with " + part + " within " + within);
      }
    }
  }
}
