package org.sessionchat.scribble;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The project's real protocol file, as the tests of this module read it. */
final class ChatProtocols {

  /** {@code protocols/ChatServer.scr} at the repository root. */
  static final Path FILE = Path.of("../../protocols/ChatServer.scr");

  private static ProtocolLibrary library;

  private ChatProtocols() {}

  static String text() {
    try {
      return Files.readString(FILE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The library of the real file, loaded once for all tests. */
  static synchronized ProtocolLibrary library() throws Exception {
    if (library == null) {
      library = ProtocolLibrary.load(List.of(FILE));
    }
    return library;
  }
}
