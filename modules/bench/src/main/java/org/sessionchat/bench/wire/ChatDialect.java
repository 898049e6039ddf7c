package org.sessionchat.bench.wire;

import static org.sessionchat.bench.wire.Lines.ascii;
import static org.sessionchat.bench.wire.Lines.startsWith;

import io.vertx.core.buffer.Buffer;
import java.util.List;

/** session-chat's own wire protocol ({@code docs}: wire-protocol.md). */
public final class ChatDialect implements Dialect {

  private static final byte[] MSG = ascii("MSG:");
  private static final byte[] OK_NICK = ascii("OK:NICK:");
  private static final byte[] OK_CREATE = ascii("OK:CREATE:");
  private static final byte[] OK_JOIN = ascii("OK:JOIN:");
  private static final byte[] ROOM_EXISTS = ascii("ERROR:ROOM_EXISTS:");
  private static final byte[] IN_ROOM = ascii("ERROR:IN_ROOM:");
  private static final byte[] ERROR = ascii("ERROR:");
  private static final byte[] OFFLINE = ascii("OFFLINE:");

  @Override
  public List<String> login(String nick) {
    return List.of("NICK:" + nick);
  }

  @Override
  public String create(String room) {
    return "CREATE:" + room;
  }

  @Override
  public String join(String room) {
    return "JOIN:" + room;
  }

  @Override
  public String say(String room, String text) {
    return "CHAT:" + text;
  }

  @Override
  public void read(Buffer line, ServerEvents events) {
    if (startsWith(line, 0, MSG)) {
      int payload = Lines.after(line, (byte) ':', 3);
      if (payload < 0) {
        events.error(Lines.text(line));
      } else {
        events.message(line, payload);
      }
    } else if (startsWith(line, 0, OK_NICK)) {
      events.registered();
    } else if (startsWith(line, 0, OK_CREATE) || startsWith(line, 0, ROOM_EXISTS)) {
      events.created();
    } else if (startsWith(line, 0, OK_JOIN) || startsWith(line, 0, IN_ROOM)) {
      // IN_ROOM: a server whose CREATE also joins answers our JOIN this way.
      events.joined();
    } else if (startsWith(line, 0, OFFLINE)) {
      events.roomOffline();
    } else if (startsWith(line, 0, ERROR)) {
      events.error(Lines.text(line));
    }
    // WELCOME, PONG, BYE and anything else need no action.
  }
}
