package org.sessionchat.chat.net;

import java.util.function.Consumer;
import org.sessionchat.chat.actor.ClientEvent;
import org.sessionchat.chat.actor.ClientTransport.CloseReason;
import org.sessionchat.chat.limits.Disconnect;
import org.sessionchat.chat.wire.Command;
import org.sessionchat.chat.wire.CommandParser;
import org.sessionchat.chat.wire.Replies;

/**
 * The project's line protocol ({@code COMMAND:argument}, docs/wire-protocol.md) as a
 * {@link WireFormat}: {@link CommandParser} in, {@link Replies} out. Stateless.
 */
public final class LineWire implements WireFormat {

  public static final LineWire INSTANCE = new LineWire();

  private LineWire() {
  }

  @Override
  public Command parse(String line) {
    return CommandParser.parse(line);
  }

  @Override
  public void deliver(ClientEvent event, Consumer<String> out) {
    Replies.lines(event).forEach(out);
  }

  @Override
  public byte[] sharedLine(ClientEvent event, BroadcastLines lines) {
    return event instanceof ClientEvent.Message message ? lines.message(message.room(), message.nickAndText()) : null;
  }

  @Override
  public void closing(CloseReason reason, Consumer<String> out) {
    if (reason != CloseReason.ACTOR_STOPPED) {
      out.accept(Replies.BYE);
    }
  }

  @Override
  public String lineEnd() {
    return "\n";
  }

  @Override
  public boolean allowsFormattingCodes() {
    return false;
  }

  @Override
  public String lineTooLong() {
    return Replies.LINE_TOO_LONG;
  }

  @Override
  public String badEncoding() {
    return Replies.BAD_ENCODING;
  }

  @Override
  public String lastLine(Disconnect reason) {
    return reason.errorLine();
  }

  @Override
  public String keepAlive() {
    return null;
  }
}
