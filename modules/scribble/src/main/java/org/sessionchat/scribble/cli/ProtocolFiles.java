package org.sessionchat.scribble.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.sessionchat.scribble.ProtocolLibrary;
import org.sessionchat.scribble.ScribbleException;
import picocli.CommandLine.Parameters;

/** The FILE argument every command takes, and loading it with readable errors. */
final class ProtocolFiles {

  @Parameters(paramLabel = "FILE", arity = "1..*", description = "Scribble protocol file(s).")
  List<Path> files;

  ProtocolLibrary load() {
    for (Path file : files) {
      if (!Files.isRegularFile(file)) {
        throw new InputProblem("scribble: no such file: " + file);
      }
    }
    try {
      return ProtocolLibrary.load(files);
    } catch (ScribbleException e) {
      throw new InputProblem(e.getMessage());
    } catch (IOException e) {
      throw new InputProblem("scribble: cannot read " + e.getMessage());
    }
  }
}
