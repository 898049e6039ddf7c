package org.sessionchat.chat.testing;

import io.vertx.core.Vertx;
import java.util.concurrent.TimeUnit;
import org.sessionchat.chat.ChatServerNode;
import org.sessionchat.chat.limits.Limits;
import org.sessionchat.chat.HealthServer;
import org.sessionchat.chat.ProtocolSource;
import org.sessionchat.chat.web.WebConsole;
import org.sessionchat.session.testkit.FreePorts;

/**
 * A single chat node with its HTTP server and web console, as {@code --http-port} starts
 * them, on a free port below 32768; for browser and HTTP tests of the console.
 */
public final class ConsoleNode implements AutoCloseable {

  private final LocalChatNode node;
  private final HealthServer http;
  private final WebConsole console;

  private ConsoleNode(LocalChatNode node, HealthServer http, WebConsole console) {
    this.node = node;
    this.http = http;
    this.console = console;
  }

  public static ConsoleNode start(String name) throws Exception {
    return start(LocalChatNode.start(name, true), name);
  }

  /** A console node with {@code limits}. */
  public static ConsoleNode start(String name, Limits limits) throws Exception {
    return start(LocalChatNode.start(Vertx.vertx(), true, new ChatServerNode.Settings(name, "127.0.0.1", FreePorts.next(), 4096, limits)),
        name);
  }

  private static ConsoleNode start(LocalChatNode node, String name) throws Exception {
    try {
      HealthServer http = HealthServer.start(node.vertx(), "127.0.0.1", FreePorts.next(), name)
          .await(10, TimeUnit.SECONDS);
      http.serving(node.node());
      WebConsole console = WebConsole.mount(node.vertx(), http.router(), node.node(),
          ProtocolSource.bundled(true).protocols(), true, http.port()).await(10, TimeUnit.SECONDS);
      return new ConsoleNode(node, http, console);
    } catch (Exception e) {
      node.close();
      throw e;
    }
  }

  public LocalChatNode node() {
    return node;
  }

  public WebConsole console() {
    return console;
  }

  /** The console's address, e.g. {@code http://127.0.0.1:23456/}. */
  public String url() {
    return "http://127.0.0.1:" + http.port() + "/";
  }

  public int httpPort() {
    return http.port();
  }

  @Override
  public void close() throws Exception {
    try {
      console.close().await(10, TimeUnit.SECONDS);
      http.close().await(10, TimeUnit.SECONDS);
    } finally {
      node.close();
    }
  }
}
