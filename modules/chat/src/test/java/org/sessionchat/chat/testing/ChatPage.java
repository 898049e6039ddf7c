package org.sessionchat.chat.testing;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The console's Chat tab, driven like a person: type into the fields, press the buttons. */
public final class ChatPage {

  private final Browser browser;

  private ChatPage(Browser browser) {
    this.browser = browser;
  }

  /** Opens the chat tab of the console at {@code url} and waits until it is welcomed. */
  public static ChatPage open(Browser browser, String url) {
    browser.open(url + "#chat");
    browser.await(d -> "connected".equals(browser.text("#chat-status")) && !browser.text("#you").equals("…"));
    return new ChatPage(browser);
  }

  public ChatPage nick(String nick) {
    type("#nick-input", nick);
    browser.find("#nick-set").click();
    browser.await(d -> nick.equals(browser.text("#you")));
    return this;
  }

  /** Creates {@code room}; the page joins it right away. */
  public ChatPage create(String room) {
    type("#room-input", room);
    browser.find("#room-create").click();
    return awaitIn(room);
  }

  public ChatPage join(String room) {
    browser.await(d -> {
      browser.find("#rooms-refresh").click();
      return !d.findElements(By.cssSelector("#rooms-list li[data-room='" + room + "'] .join")).isEmpty();
    });
    browser.find("#rooms-list li[data-room='" + room + "'] .join").click();
    return awaitIn(room);
  }

  public ChatPage leave() {
    browser.find("#leave").click();
    return awaitIn("(lobby)");
  }

  public ChatPage say(String text) {
    type("#chat-input", text);
    browser.find("#chat-send").click();
    return this;
  }

  /** Waits until the page shows {@code text} said by {@code nick}. */
  public ChatPage awaitMessage(String nick, String text) {
    browser.await(d -> messages().contains(nick + " " + text));
    return this;
  }

  /** The messages shown, each as {@code <nick> <text>}. */
  public List<String> messages() {
    return browser.driver().findElements(By.cssSelector("#messages li.msg")).stream()
        .map(li -> li.findElement(By.cssSelector(".nick")).getText() + " " + li.findElement(By.cssSelector(".text")).getText())
        .toList();
  }

  private ChatPage awaitIn(String room) {
    browser.await(d -> room.equals(browser.text("#room-current")));
    return this;
  }

  private void type(String css, String text) {
    WebElement field = browser.find(css);
    field.clear();
    field.sendKeys(text);
  }
}
