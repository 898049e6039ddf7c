package org.sessionchat.session.testkit;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.sessionchat.scribble.ProtocolLibrary;
import org.sessionchat.scribble.ScribbleException;
import org.sessionchat.session.RoleConfig;

/**
 * The protocols and role configuration the session tests run: the project's chat protocols
 * ({@code protocols/ChatServer.scr}, {@code protocols/chat-roles.json}) plus the test
 * protocols in {@code protocols/Games.scr}.
 */
public final class TestProtocols {

  /** An actor kind that may play every role of every protocol. */
  public static final String PROBE = "Probe";
  /** An actor kind that may play no role at all. */
  public static final String BYSTANDER = "Bystander";

  private static ProtocolLibrary library;

  private TestProtocols() {
  }

  /** The project's top-level {@code protocols/} directory (tests run in the module directory). */
  public static Path projectProtocols() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isRegularFile(dir.resolve("protocols/ChatServer.scr"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("protocols/ChatServer.scr not found above " + Path.of("").toAbsolutePath());
    }
    return dir.resolve("protocols");
  }

  public static synchronized ProtocolLibrary library() {
    if (library == null) {
      try {
        Path games = Path.of(TestProtocols.class.getResource("/protocols/Games.scr").toURI());
        List<Path> files = new java.util.ArrayList<>();
        try (java.util.stream.Stream<Path> listing = Files.list(projectProtocols())) {
          listing.filter(file -> file.toString().endsWith(".scr")).sorted().forEach(files::add);
        }
        files.add(games);
        library = ProtocolLibrary.load(files);
      } catch (ScribbleException e) {
        throw new IllegalStateException("test protocols do not check:\n" + e.getMessage(), e);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (URISyntaxException e) {
        throw new IllegalStateException(e);
      }
    }
    return library;
  }

  /** The project's chat role configuration plus {@link #PROBE} and {@link #BYSTANDER}. */
  public static RoleConfig roles() {
    ProtocolLibrary protocols = library();
    try {
      JsonObject json = new JsonObject(Files.readString(projectProtocols().resolve("chat-roles.json")));
      JsonObject everything = new JsonObject();
      for (String protocol : protocols.protocolNames()) {
        everything.put(protocol, new JsonArray(protocols.roles(protocol)));
      }
      json.put(PROBE, everything);
      json.put(BYSTANDER, new JsonObject());
      return RoleConfig.parse(json.encode(), protocols);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
