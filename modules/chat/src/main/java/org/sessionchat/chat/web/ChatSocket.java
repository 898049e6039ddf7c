package org.sessionchat.chat.web;

import io.vertx.core.http.ServerWebSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.sessionchat.chat.actor.ClientEvent;
import org.sessionchat.chat.actor.ClientTransport;
import org.sessionchat.chat.limits.ConnectionGuard;
import org.sessionchat.chat.limits.Disconnect;
import org.sessionchat.chat.limits.FloodGate;
import org.sessionchat.chat.net.ContextTimer;
import org.sessionchat.chat.net.ReadHolds;
import org.sessionchat.chat.wire.Command;
import org.sessionchat.chat.wire.CommandParser;
import org.sessionchat.chat.wire.Replies;
import org.sessionchat.chat.wire.Utf8;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The line protocol over a WebSocket: each text message is one line, each line the client
 * is sent is one text message. A {@link org.sessionchat.chat.actor.ClientActor} serves it
 * as it serves a TCP connection.
 *
 * <p>Why the same stages as a TCP line: the browser is a third way in, not a side door.
 * A message passes the same checks in the same order (flood control, which delays messages
 * over the rate and stops reading meanwhile, the length bound of {@code --max-line}, UTF-8
 * without control characters, the parser), is answered with the same lines, and a client
 * that does not read is dropped at the same bound. Use from the socket's context only.
 */
final class ChatSocket implements ClientTransport {

  private static final Logger log = LoggerFactory.getLogger(ChatSocket.class);

  private final ServerWebSocket socket;
  private final int maxLineLength;
  private final ConnectionGuard guard;
  private final Utf8 utf8 = new Utf8();
  private final List<Runnable> closeHandlers = new ArrayList<>(2);
  private final ReadHolds reading;
  private final ContextTimer timer = new ContextTimer();
  private FloodGate<byte[]> floodGate;
  private boolean open = true;
  private boolean closing;

  /** Call on the socket's context, with the socket paused. */
  ChatSocket(ServerWebSocket socket, int maxLineLength, ConnectionGuard guard) {
    this.socket = socket;
    this.maxLineLength = maxLineLength;
    this.guard = guard;
    this.reading = new ReadHolds(socket::pause, () -> {
      if (open) {
        socket.resume();
      }
    });
    socket.setWriteQueueMaxSize(guard.maxOutboundBytes());
    socket.closeHandler(ignored -> closed());
    socket.exceptionHandler(e -> log.debug("Chat socket from {} failed: {}", remoteAddress(), e.getMessage()));
  }

  @Override
  public void start(Consumer<Command> commands) {
    Consumer<byte[]> handle = bytes -> line(bytes, commands);
    floodGate = guard.floodGate(timer, reading.floodSource(() -> disconnect(Disconnect.FLOOD)), handle).orElse(null);
    Consumer<byte[]> admit = floodGate == null ? handle : floodGate::offer;
    socket.textMessageHandler(text -> admit.accept(withoutLineEnd(text).getBytes(StandardCharsets.UTF_8)));
    socket.binaryMessageHandler(bytes -> admit.accept(bytes.getBytes()));
    reading.release(ReadHolds.Holder.NOT_STARTED);
  }

  /** A message may end in the line end a terminal tool adds; it is not part of the line. */
  private static String withoutLineEnd(String text) {
    if (text.endsWith("\r\n")) {
      return text.substring(0, text.length() - 2);
    }
    return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
  }

  private void line(byte[] bytes, Consumer<Command> commands) {
    if (closing) {
      return;
    }
    guard.lineArrived();
    if (bytes.length > maxLineLength) {
      commands.accept(new Command.Invalid(Replies.LINE_TOO_LONG));
    } else {
      utf8.decode(bytes).ifPresentOrElse(text -> {
        if (!text.isBlank()) {
          commands.accept(CommandParser.parse(text));
        }
      }, () -> commands.accept(new Command.Invalid(Replies.BAD_ENCODING)));
    }
  }

  @Override
  public void deliver(ClientEvent event) {
    Replies.lines(event).forEach(this::send);
  }

  private void send(String line) {
    if (!open || closing || socket.isClosed()) {
      return;
    }
    if (socket.writeQueueFull()) {
      disconnect(Disconnect.SLOW_CONSUMER);
      return;
    }
    socket.writeTextMessage(line);
  }

  /** Closes because the client went past a limit: logged, counted, its error line sent first. */
  void disconnect(Disconnect reason) {
    if (!open || closing) {
      return;
    }
    closing = true;
    guard.disconnecting(reason);
    log.info("Closing the chat socket from {}: {}", remoteAddress(), reason.why());
    if (reason.errorLine() != null) {
      socket.writeTextMessage(reason.errorLine());
    }
    socket.close();
    if (reason.errorLine() == null) {
      closed(); // a client that does not read leaves its room now, not when the close completes
    }
  }

  void closeIfIdle(long nowNanos) {
    if (guard.isIdle(nowNanos)) {
      disconnect(Disconnect.IDLE);
    }
  }

  /** Back-pressure from the actor; flood control holds reading on its own (see {@link ReadHolds}). */
  @Override
  public void pause() {
    reading.hold(ReadHolds.Holder.BACKLOG);
  }

  @Override
  public void resume() {
    reading.release(ReadHolds.Holder.BACKLOG);
  }

  @Override
  public void close(CloseReason reason) {
    if (reason == CloseReason.CLIENT_QUIT) {
      send(Replies.BYE);
    }
    if (open) {
      socket.close();
    }
  }

  /** The node stops: {@code BYE}, then closed. */
  void shutdown() {
    send(Replies.BYE);
    close(CloseReason.ACTOR_STOPPED);
  }

  @Override
  public void onClose(Runnable handler) {
    closeHandlers.add(handler);
  }

  @Override
  public String remoteAddress() {
    return "web " + socket.remoteAddress();
  }

  private void closed() {
    if (open) {
      open = false;
      if (floodGate != null) {
        floodGate.close();
      }
      closeHandlers.forEach(Runnable::run);
    }
  }
}
