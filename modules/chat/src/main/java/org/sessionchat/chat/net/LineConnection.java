package org.sessionchat.chat.net;

import io.vertx.core.internal.net.NetSocketInternal;
import io.vertx.core.net.NetSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.sessionchat.chat.wire.Command;
import org.sessionchat.chat.wire.CommandParser;
import org.sessionchat.chat.wire.LineFramer;
import org.sessionchat.chat.wire.Replies;
import org.sessionchat.chat.wire.Utf8;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client's TCP connection seen as lines in and lines out: framing, UTF-8 check and
 * command parsing, in that order, in front of whatever handles the commands.
 *
 * <p>Why a class of its own: the client actor deals in {@link Command}s and reply lines
 * only; bytes, bounds and encodings stay here. Input that fails a stage becomes a
 * {@link Command.Invalid} so its error line is answered in order with everything else.
 * Blank lines are ignored. Use from the socket's context only.
 */
public final class LineConnection {

  private static final Logger log = LoggerFactory.getLogger(LineConnection.class);

  /**
   * Bytes that may wait to be written to a client that does not read. Beyond that the
   * client is disconnected rather than letting a busy room grow the node's memory.
   */
  public static final int MAX_PENDING_OUTPUT = 4 * 1024 * 1024;

  private final NetSocket socket;
  private final int maxLineLength;
  private final Utf8 utf8 = new Utf8();
  private boolean open = true;
  private final List<Runnable> closeHandlers = new ArrayList<>(2);

  /** Wraps {@code socket}, which should be paused until {@link #start} is called. */
  public LineConnection(NetSocket socket, int maxLineLength) {
    this.socket = socket;
    this.maxLineLength = maxLineLength;
    socket.setWriteQueueMaxSize(MAX_PENDING_OUTPUT);
    socket.closeHandler(ignored -> closed());
  }

  /** Starts reading; each complete line is handed to {@code commands} as a {@link Command}. */
  public void start(Consumer<Command> commands) {
    LineFramer framer = new LineFramer(maxLineLength, frame -> {
      if (frame instanceof LineFramer.Frame.Line line) {
        decode(line.bytes(), commands);
      } else {
        commands.accept(new Command.Invalid(Replies.LINE_TOO_LONG));
      }
    });
    socket.handler(framer::feed);
    socket.exceptionHandler(ignored -> socket.close());
    socket.resume();
  }

  private void decode(byte[] bytes, Consumer<Command> commands) {
    utf8.decode(bytes).ifPresentOrElse(
        text -> {
          if (!text.isBlank()) {
            commands.accept(CommandParser.parse(text));
          }
        },
        () -> commands.accept(new Command.Invalid(Replies.BAD_ENCODING)));
  }

  /** Writes one line (the terminator is added); does nothing once the connection is closed. */
  public void send(String line) {
    if (!open) {
      return;
    }
    if (socket.writeQueueFull()) {
      log.warn("Disconnecting {}: it does not read ({} bytes waiting to be written)", remoteAddress(), MAX_PENDING_OUTPUT);
      abort();
      return;
    }
    socket.write(line + "\n");
  }

  /** Stops reading until {@link #resume()} (back-pressure). */
  public void pause() {
    socket.pause();
  }

  public void resume() {
    if (open) {
      socket.resume();
    }
  }

  /** Closes the connection after the lines already written. */
  public void close() {
    if (open) {
      socket.close();
    }
  }

  /**
   * Closes at once, dropping what is still waiting to be written: {@link NetSocket#close()}
   * would first wait for a client that does not read. Vert.x offers no public abort, so
   * this goes to the Netty channel through Vert.x's integration interface. The close
   * handlers run now, so the client leaves its room now.
   */
  private void abort() {
    closed();
    if (socket instanceof NetSocketInternal internal) {
      internal.channelHandlerContext().channel().close();
    } else {
      socket.close();
    }
  }

  public boolean isOpen() {
    return open;
  }

  /**
   * Runs {@code handler} when the server shuts down in order (it stops accepting and asks
   * each connection to finish).
   */
  public void onServerShutdown(Runnable handler) {
    socket.shutdownHandler(ignored -> handler.run());
  }

  /** Adds {@code handler}, run once when the connection is closed by either side. */
  public void onClose(Runnable handler) {
    closeHandlers.add(handler);
  }

  /** The server port the client connected to. */
  public int localPort() {
    return socket.localAddress().port();
  }

  /** The client's address, for log lines. */
  public String remoteAddress() {
    return String.valueOf(socket.remoteAddress());
  }

  private void closed() {
    if (open) {
      open = false;
      closeHandlers.forEach(Runnable::run);
    }
  }
}
