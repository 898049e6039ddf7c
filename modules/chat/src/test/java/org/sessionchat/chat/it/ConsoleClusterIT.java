package org.sessionchat.chat.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.sessionchat.chat.testing.Browser;

/**
 * The web console of a real cluster (separate JVMs from {@code scripts/cluster}): a survivor's
 * live view shows a killed node leaving and the sessions it took with it.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
@ExtendWith(ClusterLogsOnFailure.class)
class ConsoleClusterIT {

  private static final Duration REPLY = Duration.ofSeconds(10);

  @Test
  void aSurvivorsViewShowsTheNodeLeavingAndParticipantOffline() throws Exception {
    try (ScriptedCluster cluster = new ScriptedCluster().start(2);
        ChatConnection ann = ChatConnection.as("ann", cluster.port(1));
        ChatConnection bob = ChatConnection.as("bob", cluster.port(2));
        Browser watcher = Browser.start()) {
      ChatConnection.roomWith("deck", ann, bob);
      ann.send("CHAT:anyone there?");
      bob.await("MSG:deck:ann:anyone there?", REPLY);

      watcher.open("http://127.0.0.1:" + cluster.httpPort(2) + "/#sessions");
      watcher.await(d -> d.findElements(By.cssSelector("#members tbody tr")).size() == 2);
      watcher.await(d -> d.findElements(By.cssSelector("#rooms-table tbody tr[data-room='deck']")).size() == 1);
      // node1 publishes its rooms' member counts every 2 s: a card from before bob joined may show first
      watcher.await(d -> watcher.text("#rooms-table tbody tr[data-room='deck'] td:nth-child(3)").equals("2"));
      assertThat(watcher.text("#rooms-table tbody tr[data-room='deck']")).contains("deck", "node1", "2");
      watcher.await(d -> d.findElements(By.cssSelector("#session-table tbody tr[data-protocol='ChatSession']")).size() == 1);

      cluster.kill(1);

      bob.await("OFFLINE:deck", REPLY);
      watcher.await(d -> !d.findElements(By.cssSelector("#event-log li.NODE_LEFT")).isEmpty());
      watcher.await(d -> !d.findElements(By.cssSelector("#event-log li.PARTICIPANT_OFFLINE")).isEmpty());
      assertThat(watcher.text("#event-log li.PARTICIPANT_OFFLINE")).contains("ChatSession/ClientThread");
      watcher.await(d -> d.findElements(By.cssSelector("#members tbody tr")).size() == 1);
      watcher.await(d -> d.findElements(By.cssSelector("#rooms-table tbody tr")).isEmpty());
      watcher.screenshot(Path.of("target", "screenshots", "console-node-left.png"));
    }
  }
}
