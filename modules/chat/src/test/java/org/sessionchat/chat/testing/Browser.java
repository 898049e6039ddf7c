package org.sessionchat.chat.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.function.Function;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.sessionchat.session.testkit.FreePorts;

/**
 * A headless Chromium driven by Selenium: Debian's {@code chromium} through Debian's
 * {@code chromedriver}, both named explicitly so Selenium never looks for (or downloads) a
 * driver or a browser. Each browser has a fresh profile, removed on {@link #close}.
 *
 * <p>Why fail rather than skip when they are missing: a skipped browser test looks like a
 * passing one; {@code .ci/run} installs both packages.
 */
public final class Browser implements AutoCloseable {

  /** Debian's paths; override with -Dchromium.binary / -Dchromedriver.binary. */
  private static final Path CHROMIUM = Path.of(System.getProperty("chromium.binary", "/usr/bin/chromium"));
  private static final Path CHROMEDRIVER = Path.of(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver"));
  private static final Duration WAIT = Duration.ofSeconds(30);

  private final ChromeDriverService service;
  private final ChromeDriver driver;
  private final Path profile;

  private Browser(ChromeDriverService service, ChromeDriver driver, Path profile) {
    this.service = service;
    this.driver = driver;
    this.profile = profile;
  }

  public static Browser start() {
    for (Path binary : new Path[] {CHROMIUM, CHROMEDRIVER}) {
      if (!Files.isExecutable(binary)) {
        throw new IllegalStateException(binary + " is missing: browser tests need Debian's chromium and "
            + "chromium-driver (apt-get install chromium chromium-driver; .ci/run installs them)");
      }
    }
    Path profile;
    try {
      profile = Files.createTempDirectory("session-chat-chromium-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1400,1100",
        "--remote-debugging-port=" + FreePorts.next());
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
        .usingPort(FreePorts.next())
        .withSilent(true)
        .build();
    try {
      return new Browser(service, new ChromeDriver(service, options), profile);
    } catch (RuntimeException e) {
      service.stop();
      delete(profile);
      throw e;
    }
  }

  public WebDriver driver() {
    return driver;
  }

  public Browser open(String url) {
    driver.get(url);
    return this;
  }

  public WebElement find(String css) {
    return driver.findElement(By.cssSelector(css));
  }

  /** Waits (at most 30 s) until {@code condition} holds, i.e. returns neither null nor false. */
  public <T> T await(Function<WebDriver, T> condition) {
    // the live view redraws its tables: an element found a moment ago may have been replaced
    return new WebDriverWait(driver, WAIT).ignoring(StaleElementReferenceException.class).until(condition);
  }

  /**
   * Text of the element {@code css}, or "" if there is none (yet). Read again if the view
   * replaced the element between finding and reading it.
   */
  public String text(String css) {
    return await(d -> d.findElements(By.cssSelector(css)).stream().findFirst().map(WebElement::getText).orElse(""));
  }

  public void screenshot(Path file) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      service.stop();
      delete(profile);
    }
  }

  private static void delete(Path directory) {
    try (Stream<Path> files = Files.walk(directory)) {
      files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
    } catch (IOException e) {
      // a leftover temporary profile is harmless
    }
  }
}
