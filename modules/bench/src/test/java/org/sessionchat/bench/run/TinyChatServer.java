package org.sessionchat.bench.run;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;
import io.vertx.core.parsetools.RecordParser;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.sessionchat.session.testkit.FreePorts;

/**
 * A few lines of session-chat's wire protocol (NICK, CREATE, JOIN, CHAT) on a real socket,
 * so the generator can be checked end to end without the real server. It can drop every
 * n-th chat message, to prove the generator notices.
 */
final class TinyChatServer implements AutoCloseable {

  private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
  private final Map<String, List<NetSocket>> rooms = new HashMap<>();
  private final int dropEvery;
  private final NetServer server;
  private final Map<String, Integer> clientHosts = new ConcurrentHashMap<>();
  private long chats;

  TinyChatServer(int dropEvery) throws Exception {
    this.dropEvery = dropEvery;
    this.server = vertx.createNetServer().connectHandler(this::serve)
        .listen(FreePorts.next(), "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  String target() {
    return "127.0.0.1:" + server.actualPort();
  }

  /** How many connections came from each remote IP address. */
  Map<String, Integer> clientHosts() {
    return Map.copyOf(clientHosts);
  }

  private void serve(NetSocket socket) {
    clientHosts.merge(socket.remoteAddress().host(), 1, Integer::sum);
    String[] nickAndRoom = {"guest", null};
    socket.write("WELCOME:guest:tiny\n");
    socket.handler(RecordParser.newDelimited("\n", buffer -> {
      String line = buffer.toString();
      String command = line.contains(":") ? line.substring(0, line.indexOf(':')) : line;
      String arg = line.substring(Math.min(line.length(), command.length() + 1));
      switch (command) {
        case "NICK" -> {
          nickAndRoom[0] = arg;
          socket.write("OK:NICK:" + arg + "\n");
        }
        case "CREATE" -> {
          rooms.putIfAbsent(arg, new ArrayList<>());
          socket.write("OK:CREATE:" + arg + "\n");
        }
        case "JOIN" -> {
          rooms.get(arg).add(socket);
          nickAndRoom[1] = arg;
          socket.write("OK:JOIN:" + arg + "\n");
        }
        case "CHAT" -> {
          if (dropEvery > 0 && ++chats % dropEvery == 0) {
            return;
          }
          String msg = "MSG:" + nickAndRoom[1] + ":" + nickAndRoom[0] + ":" + arg + "\n";
          rooms.get(nickAndRoom[1]).stream().filter(s -> s != socket).forEach(s -> s.write(msg));
        }
        default -> socket.write("ERROR:UNKNOWN_COMMAND:" + command + "\n");
      }
    }));
  }

  @Override
  public void close() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }
}
