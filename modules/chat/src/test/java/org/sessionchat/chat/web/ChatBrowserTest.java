package org.sessionchat.chat.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.sessionchat.chat.testing.Browser;
import org.sessionchat.chat.testing.ChatPage;
import org.sessionchat.chat.testing.ConsoleNode;
import org.sessionchat.chat.testing.LineClient;

/** Two people in browsers and one on a TCP line client, in one room of one real node. */
class ChatBrowserTest {

  @Test
  void browsersAndALineClientChatInOneRoom() throws Exception {
    try (ConsoleNode node = ConsoleNode.start("chat-web");
        Browser annBrowser = Browser.start();
        Browser bobBrowser = Browser.start();
        LineClient carol = node.node().connect("carol")) {
      ChatPage ann = ChatPage.open(annBrowser, node.url()).nick("ann").create("deck");
      ChatPage bob = ChatPage.open(bobBrowser, node.url()).nick("bob").join("deck");
      carol.call("JOIN:deck", "OK:JOIN:deck");
      assertThat(node.console().chatConnections()).isEqualTo(2);

      ann.say("hello from a browser");
      bob.awaitMessage("ann", "hello from a browser");
      carol.expect("MSG:deck:ann:hello from a browser");

      carol.send("CHAT:hi from a terminal");
      ann.awaitMessage("carol", "hi from a terminal");
      bob.awaitMessage("carol", "hi from a terminal");

      bob.say("a: colon, <b>no markup</b>");
      ann.awaitMessage("bob", "a: colon, <b>no markup</b>");
      carol.expect("MSG:deck:bob:a: colon, <b>no markup</b>");

      annBrowser.screenshot(Path.of("target", "screenshots", "console-chat.png"));
      bob.leave();
      ann.say("bob has gone");
      carol.expect("MSG:deck:ann:bob has gone");
      assertThat(bob.messages()).doesNotContain("ann bob has gone");
    }
  }
}
