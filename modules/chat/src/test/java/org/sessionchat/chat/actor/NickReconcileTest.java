package org.sessionchat.chat.actor;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.shareddata.AsyncMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sessionchat.chat.limits.Limits;
import org.sessionchat.chat.testing.IrcClient;
import org.sessionchat.chat.testing.LocalChatNode;

/**
 * {@link NickServer#reconcile()} on the nick-map damage a fault leaves behind: a held nick's
 * entry lost, a ghost entry for a client that no longer holds the nick, a nick that the other
 * side of a split granted too (a twin) and that the merged map gave to the other client.
 */
class NickReconcileTest {

  @AutoClose
  private LocalChatNode node;
  private AsyncMap<String, String> nicks;

  @BeforeEach
  void start() throws Exception {
    node = LocalChatNode.withIrc("nick-node", Limits.NONE);
    nicks = node.vertx().sharedData().<String, String>getAsyncMap(NickServer.MAP_NAME).await(5, TimeUnit.SECONDS);
  }

  @Test
  void aHeldNickWhoseEntryWasLostIsWrittenBackSoNobodyElseGetsIt() throws Exception {
    try (IrcClient ann = node.irc("ann")) {
      String owner = nicks.get("ann").await(5, TimeUnit.SECONDS);
      nicks.remove("ann").await(5, TimeUnit.SECONDS);

      reconcile();

      assertThat(nicks.get("ann").await(5, TimeUnit.SECONDS)).isEqualTo(owner);
      try (IrcClient carol = node.irc("carol")) {
        carol.send("NICK Ann");
        assertThat(IrcClient.numeric(carol.next())).isEqualTo("433");
      }
    }
  }

  @Test
  void aGhostEntryForAClientOfThisNodeIsRemovedSoTheNickCanBeTaken() throws Exception {
    nicks.put("gone", node.node().runtime().nodeId() + "/client-gone").await(5, TimeUnit.SECONDS);
    try (IrcClient carol = node.irc("carol")) {
      String carolsEntry = nicks.get("carol").await(5, TimeUnit.SECONDS);

      reconcile();

      assertThat(nicks.get("gone").await(5, TimeUnit.SECONDS)).isNull();
      assertThat(nicks.get("carol").await(5, TimeUnit.SECONDS)).as("a held nick is no ghost").isEqualTo(carolsEntry);
      carol.send("NICK gone");
      carol.expect(" NICK :gone");
    }
  }

  /**
   * Two holders of one nick: the entry of ann's nick went with a member, carol was granted it
   * meanwhile (or the other side of a split granted it). The map decides: carol keeps it.
   */
  @Test
  void aClientWhoseNickTheMapGaveToAnotherIsRenamedAndItsChannelsSeeIt() throws Exception {
    try (IrcClient ann = node.irc("ann"); IrcClient bob = node.irc("bob")) {
      ann.join("#deck");
      bob.join("#deck");
      ann.until(" JOIN #deck");
      nicks.remove("ann").await(5, TimeUnit.SECONDS);
      try (IrcClient carol = node.irc("carol")) {
        carol.send("NICK ann");
        carol.expect(" NICK :ann");
        String carolHolds = nicks.get("ann").await(5, TimeUnit.SECONDS);

        reconcile();

        String renamed = last(ann.until(" NICK :"));
        String given = renamed.substring(renamed.indexOf(" NICK :") + 7);
        assertThat(renamed).startsWith(":ann!");
        assertThat(given).startsWith("guest-");
        assertThat(last(bob.until(" NICK :"))).startsWith(":ann!").endsWith(" NICK :" + given);
        assertThat(nicks.get("ann").await(5, TimeUnit.SECONDS)).as("the map's holder keeps it").isEqualTo(carolHolds);
        assertThat(nicks.get(given).await(5, TimeUnit.SECONDS)).isNotNull();
        bob.send("PRIVMSG " + given + " :still you?");
        ann.expect("PRIVMSG " + given + " :still you?");
        bob.send("PRIVMSG ann :and you?");
        carol.expect("PRIVMSG ann :and you?");
      }
    }
  }

  private static String last(java.util.List<String> lines) {
    return lines.get(lines.size() - 1);
  }

  private void reconcile() throws Exception {
    node.node().nickServer().reconcile().await(10, TimeUnit.SECONDS);
  }
}
