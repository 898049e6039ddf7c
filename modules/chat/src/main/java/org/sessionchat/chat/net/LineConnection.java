package org.sessionchat.chat.net;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.sessionchat.chat.actor.ClientEvent;
import org.sessionchat.chat.actor.ClientTransport;
import org.sessionchat.chat.limits.ConnectionGuard;
import org.sessionchat.chat.limits.Disconnect;
import org.sessionchat.chat.limits.FloodGate;
import org.sessionchat.chat.limits.LimitCounters;
import org.sessionchat.chat.limits.Limits;
import org.sessionchat.chat.wire.Command;
import org.sessionchat.chat.wire.LineFramer;
import org.sessionchat.chat.wire.Utf8;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client's TCP connection seen as lines in and lines out: framing, flood control, UTF-8
 * check and command parsing, in that order, in front of whatever handles the commands.
 *
 * <p>Why a class of its own: the client actor deals in {@link Command}s and reply lines
 * only; bytes, bounds and encodings stay here. Input that fails a stage becomes a
 * {@link Command.Invalid} so its error line is answered in order with everything else.
 * Blank lines are ignored. Flood control ({@link FloodGate}) delays lines over the rate and
 * stops reading meanwhile; it never drops one. The {@link ConnectionGuard} may close the
 * connection on the way (flooding for too long, a line that never ends, idleness, a client
 * that does not read), each with its {@link Disconnect} reason. The lines written in one turn
 * of the socket's event loop go out as one write ({@link GatheredLines}). Use from the socket's
 * context only.
 */
public final class LineConnection implements ClientTransport, OrderedDisconnect {

  private static final Logger log = LoggerFactory.getLogger(LineConnection.class);
  private static final long CLOSE_GRACE_MILLIS = 2_000;

  private final NetSocket socket;
  private final int maxLineLength;
  private final ConnectionGuard guard;
  private final WireFormat format;
  private final Utf8 utf8;
  private final ReadHolds reading;
  private final ContextTimer timer = new ContextTimer();
  private FloodGate<LineFramer.Frame> floodGate;
  private boolean open = true;
  private boolean closing;
  private boolean writesClosed;
  private Consumer<Runnable> afterPendingReplies = Runnable::run;
  private final List<Runnable> closeHandlers = new ArrayList<>(2);
  private final BroadcastLines broadcastLines;
  /** This turn's lines, written as one at its end. */
  private final GatheredLines gathered;

  /** Wraps {@code socket}, which should be paused until {@link #start} is called; on the socket's context. */
  public LineConnection(NetSocket socket, int maxLineLength) {
    this(socket, maxLineLength, new ConnectionGuard(Limits.NONE, new LimitCounters()), new BroadcastLines());
  }

  /**
   * Wraps {@code socket} (paused until {@link #start}) under the limits of {@code guard}; call
   * on the socket's context. Chat lines are encoded through {@code broadcastLines}, shared by
   * the connections of that context.
   */
  public LineConnection(NetSocket socket, int maxLineLength, ConnectionGuard guard, BroadcastLines broadcastLines) {
    this(socket, maxLineLength, guard, broadcastLines, LineWire.INSTANCE);
  }

  /** A connection that speaks {@code format} (the line protocol, IRC) over the shared stages. */
  public LineConnection(NetSocket socket, int maxLineLength, ConnectionGuard guard, BroadcastLines broadcastLines,
      WireFormat format) {
    this.format = format;
    this.utf8 = new Utf8(format.allowsFormattingCodes());
    this.socket = socket;
    this.broadcastLines = broadcastLines;
    this.maxLineLength = maxLineLength;
    this.guard = guard;
    this.reading = new ReadHolds(socket::pause, () -> {
      if (open) {
        socket.resume();
      }
    });
    Context context = Vertx.currentContext();
    this.gathered = new GatheredLines(VertxInternals.writes(socket), context == null ? null : SocketLoop.of(context),
        guard.maxOutboundBytes());
    socket.setWriteQueueMaxSize(guard.maxOutboundBytes());
    socket.closeHandler(ignored -> closed());
  }

  /** Starts reading; each complete line is handed to {@code commands} as a {@link Command}. */
  @Override
  public void start(Consumer<Command> commands) {
    Consumer<LineFramer.Frame> parse = frame -> {
      if (closing) {
        return;
      }
      guard.lineArrived(); // when handled: a client whose lines wait for their turn is not idle
      if (frame instanceof LineFramer.Frame.Line line) {
        decode(line.bytes(), commands);
      } else {
        commands.accept(new Command.Invalid(format.lineTooLong()));
      }
    };
    floodGate = guard.floodGate(timer, reading.floodSource(() -> disconnect(Disconnect.FLOOD)), parse).orElse(null);
    Consumer<LineFramer.Frame> admit = floodGate == null ? parse : floodGate::offer;
    LineFramer framer = new LineFramer(maxLineLength, admit);
    socket.handler(chunk -> {
      framer.feed(chunk);
      if (guard.isUnendedLineTooLong(framer.unendedLength())) {
        disconnect(Disconnect.UNENDED_LINE);
      }
    });
    socket.exceptionHandler(ignored -> socket.close());
    reading.release(ReadHolds.Holder.NOT_STARTED);
  }

  private void decode(byte[] bytes, Consumer<Command> commands) {
    utf8.decode(bytes).ifPresentOrElse(
        text -> {
          if (!text.isBlank()) {
            commands.accept(format.parse(text));
          }
        },
        () -> commands.accept(new Command.Invalid(format.badEncoding())));
  }

  /** Writes the format's lines for {@code event}; a chat line encoded once for all members here. */
  @Override
  public void deliver(ClientEvent event) {
    byte[] shared = format.sharedLine(event, broadcastLines);
    if (shared != null) {
      if (writable()) {
        out(shared);
      }
      return;
    }
    if (open && !writesClosed) {
      format.deliver(event, this::send);
    }
  }

  /** The format's last lines for {@code reason} (the line protocol's {@code BYE}), then {@link #close()}. */
  @Override
  public void close(CloseReason reason) {
    if (open && !writesClosed) {
      format.closing(reason, this::send);
    }
    close();
  }

  /**
   * Writes one line (the terminator is added); does nothing once the connection is closed. The
   * same line for the next connection of this event loop (an IRC channel's message to each
   * member) is encoded once.
   */
  public void send(String line) {
    if (writable()) {
      out(broadcastLines.line(line, format.lineEnd()));
    }
  }

  /** Gathers {@code line} for this turn's write. */
  private void out(byte[] line) {
    gathered.add(line);
  }

  /** Writes what this turn gathered now: before anything that is written past the gathering. */
  private void flushGathered() {
    gathered.flush();
  }

  /** True if a line may be written now; a client whose write queue is full is disconnected. */
  private boolean writable() {
    if (!open || writesClosed) {
      return false;
    }
    if (gathered.socketFull()) {
      disconnect(Disconnect.SLOW_CONSUMER);
      return false;
    }
    return true;
  }

  /**
   * Closes the connection because the client went past a limit: logs why, counts it, and
   * writes the reason's error line first if it has one.
   *
   * <p>The last line must reach a client that is still sending (a flooder, a line that never
   * ends): closing a socket with unread input makes the kernel answer with a reset, and a
   * reset can discard the last line before the client reads it. So the node ends only its
   * own direction once the line is written (FIN), discards what the client still sends, and
   * closes when the client does, or after a grace period.
   */
  public void disconnect(Disconnect reason) {
    if (!open || closing) {
      return;
    }
    closing = true; // nothing more is read or handled; replies to what was are still written
    guard.disconnecting(reason);
    log.info("Closing the connection from {}: {}", remoteAddress(), reason.why());
    if (format.lastLine(reason) == null) {
      abort();
      return;
    }
    afterPendingReplies.accept(() -> lastLine(reason));
  }

  @Override
  public void disconnectAfter(Consumer<Runnable> barrier) {
    this.afterPendingReplies = barrier;
  }

  /** The reason's error line after every reply already on its way, then the end of output. */
  private void lastLine(Disconnect reason) {
    if (!open || writesClosed) {
      return;
    }
    flushGathered();
    writesClosed = true;
    socket.write(format.lastLine(reason) + format.lineEnd()).onComplete(written -> endOutput());
    timer.after(CLOSE_GRACE_MILLIS, this::abort); // a client that does not read would hold the close up forever
  }

  /** Sends FIN after what was written and drains the client until it closes (see {@link #disconnect}). */
  private void endOutput() {
    closed();
    socket.handler(ignored -> { });
    socket.resume();
    if (!VertxInternals.shutdownOutput(socket)) {
      socket.close();
    }
  }

  /**
   * Closes at once, dropping what is still waiting to be written: {@link NetSocket#close()}
   * would first wait for a client that does not read. Vert.x offers no public abort, so
   * this goes to the Netty pipeline through Vert.x's integration interface, starting at
   * Vert.x's own handler so that handler cannot defer the close again. The close handlers
   * run now, so the client leaves its room now.
   */
  private void abort() {
    gathered.discard();
    closed();
    VertxInternals.abort(socket);
  }

  /** Closes the connection if its client has been idle too long (see {@link ConnectionGuard#isIdle}). */
  public void closeIfIdle(long nowNanos) {
    if (guard.isIdle(nowNanos)) {
      disconnect(Disconnect.IDLE);
    } else if (guard.shouldPing(nowNanos)) {
      String ping = format.keepAlive();
      if (ping != null) {
        send(ping);
      }
    }
  }

  /**
   * Stops reading until {@link #resume()}: back-pressure from whoever handles the commands.
   * Flood control holds reading on its own; reading goes on only when neither holds it.
   */
  @Override
  public void pause() {
    reading.hold(ReadHolds.Holder.BACKLOG);
  }

  @Override
  public void resume() {
    reading.release(ReadHolds.Holder.BACKLOG);
  }

  /** Closes the connection after the lines already written. */
  public void close() {
    if (open) {
      flushGathered();
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
  @Override
  public void onClose(Runnable handler) {
    closeHandlers.add(handler);
  }

  /** The wire format this connection speaks. */
  public WireFormat format() {
    return format;
  }

  /** The server port the client connected to. */
  public int localPort() {
    return socket.localAddress().port();
  }

  /** The client's address, for log lines. */
  @Override
  public String remoteAddress() {
    return String.valueOf(socket.remoteAddress());
  }

  private void closed() {
    if (open) {
      open = false;
      gathered.discard(); // a closed socket takes no more writes
      if (floodGate != null) {
        floodGate.close();
      }
      closeHandlers.forEach(Runnable::run);
    }
  }
}
