package org.sessionchat.terminal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The client core against real nodes over real sockets: talking, and moving to another node when one dies. */
class ChatClientTest {

  private static final ChatClient.Settings FAST =
      new ChatClient.Settings(Duration.ofSeconds(2), Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(60));

  private static ChatClient client(List<Endpoint> endpoints, String nick, RecordingScreen screen) throws Exception {
    ChatClient client = new ChatClient(endpoints, nick, screen, new Renderer(false, false), FAST);
    client.start();
    return client;
  }

  @Test
  void talksToARealNodeShowsItsOwnLinesAndQuits() throws Exception {
    try (ChatNodes nodes = ChatNodes.single(); WireClient bob = new WireClient(nodes.port(0))) {
      RecordingScreen screen = new RecordingScreen();
      try (ChatClient ann = client(List.of(nodes.endpoint(0)), null, screen)) {
        assertThat(screen.awaitLine("Connected to node1 (" + nodes.endpoint(0) + ") as guest-")).isNotNull();
        assertThat(ann.state().prompt()).matches("guest-\\d+@node1> ");

        ann.typed("/nick ann");
        screen.awaitLine("You are ann now.");
        ann.typed("/create deck");
        ann.typed("/join deck");
        screen.awaitLine("You joined deck.");
        await().atMost(Duration.ofSeconds(10)).until(() -> screen.prompt().equals("ann@node1 deck> "));

        assertThat(bob.call("NICK:bob")).isEqualTo("OK:NICK:bob");
        assertThat(bob.call("JOIN:deck")).isEqualTo("OK:JOIN:deck");
        bob.send("CHAT:hi ann");
        screen.awaitLine("[deck] <bob> hi ann");

        ann.typed("hello bob: all well?");
        assertThat(screen.lines()).contains("[deck] <ann> hello bob: all well?");
        assertThat(bob.next()).isEqualTo("MSG:deck:ann:hello bob: all well?");

        ann.typed("hello"); // plain text in a room is chat, even a word the wire knows in lower case
        assertThat(bob.next()).isEqualTo("MSG:deck:ann:hello");

        ann.typed("/help");
        screen.awaitLine("/join ROOM");
        screen.awaitLine("JOIN:<room>");
        screen.awaitLine("end of the node's HELP");

        ann.typed("/quit");
        assertThat(ann.isFinished()).isTrue();
        assertThat(screen.lines()).contains("* Bye.");
      }
    }
  }

  @Test
  void refusesToStartWhenNoNodeAnswers() {
    RecordingScreen screen = new RecordingScreen();
    try (ChatClient client = new ChatClient(List.of(new Endpoint("127.0.0.1", 1)), null, screen, new Renderer(false, false), FAST)) {
      org.assertj.core.api.Assertions.assertThatThrownBy(client::start)
          .isInstanceOf(ChatClient.NoNodeReachable.class)
          .hasMessageContaining("127.0.0.1:1");
    }
  }

  @Test
  void whenItsNodeDiesItMovesOnKeepsTheNickAndRejoinsWhatSurvived() throws Exception {
    try (ChatNodes nodes = ChatNodes.clustered(2); WireClient bob = new WireClient(nodes.port(1))) {
      List<Endpoint> both = List.of(nodes.endpoint(0), nodes.endpoint(1));
      assertThat(bob.call("NICK:bob")).isEqualTo("OK:NICK:bob");
      assertThat(bob.call("CREATE:deck")).isEqualTo("OK:CREATE:deck"); // hosted on node2, survives
      assertThat(bob.call("JOIN:deck")).isEqualTo("OK:JOIN:deck");

      RecordingScreen annScreen = new RecordingScreen();
      RecordingScreen catScreen = new RecordingScreen();
      try (ChatClient ann = client(both, "ann", annScreen); ChatClient cat = client(both, "cat", catScreen)) {
        annScreen.awaitLine("You are ann now.");
        ann.typed("/join deck");
        annScreen.awaitLine("You joined deck.");
        catScreen.awaitLine("You are cat now.");
        cat.typed("/create attic"); // hosted on node1, dies with it
        cat.typed("/join attic");
        catScreen.awaitLine("You joined attic.");

        nodes.kill(0);

        annScreen.awaitLine("Lost the connection to node1 (" + nodes.endpoint(0) + ") (you were in deck); reconnecting.");
        annScreen.awaitLine("Reconnected to node2 (" + nodes.endpoint(1) + ")");
        annScreen.awaitLine("You are back in deck.");
        await().atMost(Duration.ofSeconds(10)).until(() -> annScreen.prompt().equals("ann@node2 deck> "));
        ann.typed("back again");
        assertThat(bob.next()).isEqualTo("MSG:deck:ann:back again");
        bob.send("CHAT:welcome back");
        annScreen.awaitLine("[deck] <bob> welcome back");

        // attic is gone either way: the dying node may still have stopped it (OFFLINE) before the
        // connection dropped, or the rejoin on node2 finds no such room
        await().atMost(Duration.ofSeconds(30)).until(() -> catScreen.lines().stream().anyMatch(
            l -> l.contains("Room attic did not survive") || l.contains("Room attic went offline")));
        await().atMost(Duration.ofSeconds(10)).until(() -> cat.state().prompt().equals("cat@node2> "));
      }
    }
  }
}
