package org.sessionchat.chat.testing;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The console's Sessions tab: the session table, the selected session's FSM picture, the log. */
public final class SessionsPage {

  private final Browser browser;

  private SessionsPage(Browser browser) {
    this.browser = browser;
  }

  /** Opens the tab and waits for the first frame of the live view. */
  public static SessionsPage open(Browser browser, String url) {
    browser.open(url + "#sessions");
    browser.await(d -> browser.find("#sessions").getAttribute("data-frames") != null);
    return new SessionsPage(browser);
  }

  /** Clicks the running session of {@code protocol} in which {@code actor} (e.g. {@code ann@node}) plays {@code role}. */
  public SessionsPage select(String protocol, String role, String actorPrefix) {
    String css = "#session-table tbody tr[data-protocol='" + protocol + "'][data-role='" + role + "'][data-actor^='"
        + actorPrefix + "']";
    String key = browser.await(d -> {
      WebElement row = d.findElements(By.cssSelector(css)).stream().findFirst().orElse(null);
      if (row == null) {
        return null;
      }
      String found = row.getAttribute("data-key");
      row.click();
      return found;
    });
    browser.await(d -> key.equals(browser.find("#session-fsm").getAttribute("data-key"))
        && !d.findElements(By.cssSelector("#session-fsm svg")).isEmpty());
    return this;
  }

  /** Waits until the picture highlights exactly {@code states} as current. */
  public SessionsPage awaitCurrent(Set<String> states) {
    browser.await(d -> current().equals(new TreeSet<>(states)));
    return this;
  }

  /** Waits until the transition just taken is drawn bold with a label starting {@code label}. */
  public SessionsPage awaitTaken(String label) {
    browser.await(d -> taken().stream().anyMatch(text -> text.startsWith(label)));
    return this;
  }

  /** The state names drawn as current. */
  public Set<String> current() {
    return new TreeSet<>(texts("#session-fsm g.node.current title"));
  }

  /** The labels of the edges drawn as just taken. */
  public List<String> taken() {
    return texts("#session-fsm g.edge.taken text");
  }

  /** The text shown next to the state, e.g. {@code after sending leaveRoom}. */
  public String lastStep() {
    return browser.text("#selected-last");
  }

  /** Waits until a log entry of {@code kind} (REFUSED, PARTICIPANT_OFFLINE, NODE_LEFT) contains {@code text}. */
  public String awaitLog(String kind, String text) {
    return browser.await(d -> d.findElements(By.cssSelector("#event-log li." + kind)).stream()
        .map(WebElement::getText).filter(line -> line.contains(text)).findFirst().orElse(null));
  }

  private List<String> texts(String css) {
    return browser.driver().findElements(By.cssSelector(css)).stream()
        .map(e -> e.getAttribute("textContent").trim()).toList();
  }
}
