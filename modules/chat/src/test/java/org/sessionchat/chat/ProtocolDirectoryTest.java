package org.sessionchat.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sessionchat.chat.testing.LineClient;
import org.sessionchat.session.testkit.FreePorts;
import org.sessionchat.session.testkit.TestProtocols;
import picocli.CommandLine;

/**
 * {@code --protocols DIR}: the monitors come from the files on disk. An edited protocol
 * changes what a running node allows; a broken protocol or role file keeps the node from
 * starting, with the place of the mistake and a non-zero exit.
 */
class ProtocolDirectoryTest {

  /** The {@code listRooms} branch of ChatServer, as protocols/ChatServer.scr writes it. */
  private static final String LIST_BRANCH = """
      } or {
            listRooms() from ClientThread to RoomRegistry;
            roomList(StringList) from RoomRegistry to ClientThread;
          }""";

  @TempDir
  Path dir;

  @Test
  void aProtocolEditedOnDiskChangesWhatTheNodeAllows() throws Exception {
    copyProjectProtocols();
    assertThat(listOnANodeOf(dir)).as("the protocols as shipped: no rooms yet").isEqualTo("ROOMS");

    Path chatServer = dir.resolve("ChatServer.scr");
    String text = Files.readString(chatServer, StandardCharsets.UTF_8);
    assertThat(text).contains(LIST_BRANCH);
    Files.writeString(chatServer, text.replace(LIST_BRANCH, "}"), StandardCharsets.UTF_8);

    assertThat(listOnANodeOf(dir)).as("ChatServer without its listRooms branch")
        .startsWith("ERROR:PROTOCOL_VIOLATION:listRooms in ChatServer/ClientThread");
  }

  @Test
  void aBrokenProtocolFileStopsTheNodeWithFileLineAndColumn() throws Exception {
    copyProjectProtocols();
    Path chatServer = dir.resolve("ChatServer.scr");
    Files.writeString(chatServer, Files.readString(chatServer).replace("roomNotFound(RoomName) from", "roomNotFound(RoomName) frm"));

    StringWriter err = new StringWriter();
    assertThat(run(err, "--protocols", dir.toString(), "--port", "0")).isEqualTo(1);

    assertThat(err.toString()).containsPattern("ChatServer\\.scr:\\d+:\\d+: ");
  }

  @Test
  void aRoleFileNamingAnUnknownRoleStopsTheNode() throws Exception {
    copyProjectProtocols();
    Path roles = dir.resolve(ProtocolSource.ROLES_FILE);
    Files.writeString(roles, Files.readString(roles).replace("\"RoomRegistry\"", "\"RoomRegistrar\""));

    StringWriter err = new StringWriter();
    assertThat(run(err, "--protocols", dir.toString(), "--port", "0")).isEqualTo(1);

    assertThat(err.toString()).contains(ProtocolSource.ROLES_FILE).contains("RoomRegistrar");
  }

  private void copyProjectProtocols() throws IOException {
    try (Stream<Path> files = Files.list(TestProtocols.projectProtocols())) {
      for (Path file : files.toList()) {
        Files.copy(file, dir.resolve(file.getFileName()));
      }
    }
  }

  /** Starts a node on the protocols in {@code protocols}, asks LIST, and stops the node. */
  private static String listOnANodeOf(Path protocols) throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      ChatServerNode node = ChatServerNode.start(vertx, ProtocolSource.directory(protocols, true),
          new ChatServerNode.Settings("disk", "127.0.0.1", FreePorts.next(), 4096)).await(30, TimeUnit.SECONDS);
      try (LineClient client = LineClient.connect(node.port())) {
        return client.send("LIST").next();
      } finally {
        node.close().await(20, TimeUnit.SECONDS);
      }
    } finally {
      vertx.close().await(20, TimeUnit.SECONDS);
    }
  }

  private static int run(StringWriter err, String... args) {
    CommandLine cmd = ChatNode.commandLine();
    cmd.setErr(new PrintWriter(err, true));
    cmd.setOut(new PrintWriter(new StringWriter(), true));
    return cmd.execute(args);
  }
}
