package org.sessionchat.chat.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.sessionchat.chat.testing.Browser;
import org.sessionchat.chat.testing.ConsoleNode;

/** The Protocols tab in a real browser: every role's FSM drawn by Graphviz from the node's own DOT. */
class ProtocolViewBrowserTest {

  @Test
  void drawsEachRolesFsmWithNestedParFsmsAsClustersAndLoadsNothingFromOutside() throws Exception {
    try (ConsoleNode node = ConsoleNode.start("protocol-view"); Browser browser = Browser.start()) {
      browser.open(node.url() + "#protocols");
      browser.await(d -> d.findElements(By.cssSelector(".role-card .fsm svg")).size() == 10); // 5 protocols, 2 roles each

      WebElement clientInRoom = browser.find(".role-card[data-protocol='ChatSession'][data-role='ClientThread']");
      List<String> states = clientInRoom.findElements(By.cssSelector("g.node title")).stream()
          .map(title -> title.getAttribute("textContent")).toList();
      assertThat(states).contains("S0", "S1", "S2", "S3", "S4");
      assertThat(clientInRoom.findElements(By.cssSelector("g.cluster"))).hasSize(2); // the par's two nested FSMs
      assertThat(clientInRoom.findElement(By.cssSelector("svg")).getAttribute("textContent"))
          .contains("!outgoingChatMessage(String) to ChatRoom", "?incomingChatMessage(String) from ChatRoom");
      WebElement lobby = browser.find(".role-card[data-protocol='ChatServer'][data-role='ClientThread']");
      assertThat(lobby.findElement(By.cssSelector("svg")).getAttribute("textContent"))
          .contains("!lookupRoom(RoomName) to RoomRegistry", "initiates ChatSession");

      @SuppressWarnings("unchecked")
      List<String> loaded = (List<String>) ((JavascriptExecutor) browser.driver()).executeScript(
          "return performance.getEntriesByType('resource').map(e => e.name);");
      assertThat(loaded).isNotEmpty().allSatisfy(url -> assertThat(url).startsWith(node.url()));
      browser.screenshot(Path.of("target", "screenshots", "console-protocols.png"));
    }
  }
}
