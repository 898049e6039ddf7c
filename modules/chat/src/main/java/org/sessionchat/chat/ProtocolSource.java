package org.sessionchat.chat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.sessionchat.scribble.ProtocolLibrary;
import org.sessionchat.scribble.ScribbleException;
import org.sessionchat.session.RoleConfig;
import org.sessionchat.session.SessionRuntimeOptions;

/**
 * Where a node reads its Scribble protocols and role configuration: the copies bundled in
 * the jar (built from the top-level {@code protocols/}), or a directory given with
 * {@code --protocols}.
 *
 * <p>Why at start-up, every time: the protocols are the single source of truth; a node
 * parses and validates them before it serves anybody, and refuses to start when they are
 * wrong.
 */
public final class ProtocolSource {

  /** The role configuration's file name, in the bundle and in a protocols directory. */
  public static final String ROLES_FILE = "chat-roles.json";
  private static final String BUNDLE = "protocols/";
  /** The bundled protocol files: the seed's two protocols, and what IRC clients add to them. */
  private static final List<String> BUNDLED_PROTOCOLS =
      List.of("ChatServer.scr", "ChannelPresence.scr", "NickRegistry.scr", "DirectMessage.scr");

  private ProtocolSource() {
  }

  /** The protocols and roles bundled with the application. */
  public static SessionRuntimeOptions bundled(boolean monitorEnabled) throws ScribbleException {
    Map<String, String> texts = new LinkedHashMap<>();
    BUNDLED_PROTOCOLS.forEach(file -> texts.put(file, resource(BUNDLE + file)));
    ProtocolLibrary protocols = ProtocolLibrary.parse(texts);
    return new SessionRuntimeOptions(protocols, RoleConfig.parse(resource(BUNDLE + ROLES_FILE), protocols), monitorEnabled);
  }

  /** Every {@code *.scr} file of {@code directory} and its {@value #ROLES_FILE}. */
  public static SessionRuntimeOptions directory(Path directory, boolean monitorEnabled)
      throws ScribbleException, IOException {
    List<Path> files;
    try (Stream<Path> listing = Files.list(directory)) {
      files = listing.filter(file -> file.getFileName().toString().endsWith(".scr")).sorted().toList();
    }
    if (files.isEmpty()) {
      throw new IOException("no .scr protocol files in " + directory);
    }
    ProtocolLibrary protocols = ProtocolLibrary.load(files);
    return new SessionRuntimeOptions(protocols, RoleConfig.load(directory.resolve(ROLES_FILE), protocols), monitorEnabled);
  }

  private static String resource(String name) {
    try (InputStream in = ProtocolSource.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("bundled resource missing: " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
