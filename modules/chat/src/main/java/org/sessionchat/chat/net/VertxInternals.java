package org.sessionchat.chat.net;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.channel.SingleThreadEventLoop;
import io.netty.channel.VoidChannelPromise;
import io.netty.channel.socket.DuplexChannel;
import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.internal.net.NetSocketInternal;
import io.vertx.core.net.NetSocket;
import io.vertx.core.net.impl.ConnectionBase;

/**
 * The one place the chat server reaches into Vert.x's internal API.
 *
 * <p>Why it is needed at all: a chat server must write a turn's lines as one write and flush,
 * end its output after a last line while still reading, and drop a client that stops reading —
 * and Vert.x's public {@link NetSocket} can do none of these; they are Netty pipeline
 * operations, reached through Vert.x's integration interface; and writing a pooled direct
 * buffer the socket then owns (gathered lines, see {@link GatheredLines}) needs Netty's own
 * write. And flood control's timers must fire on a
 * socket's context whatever thread sets them, which the public {@code setTimer} (bound to the
 * caller's context) cannot do. Every method falls back to what the public API offers when the
 * socket or context is not Vert.x's own.
 */
final class VertxInternals {

  private VertxInternals() {
  }

  /** Sends FIN after what was written, keeping the input open; false if the socket cannot half-close. */
  static boolean shutdownOutput(NetSocket socket) {
    if (socket instanceof NetSocketInternal internal
        && internal.channelHandlerContext().channel() instanceof DuplexChannel duplex) {
      duplex.shutdownOutput();
      return true;
    }
    return false;
  }

  /**
   * Closes at once, dropping what is still waiting to be written, starting at Vert.x's own
   * handler so that it cannot defer the close again; else an ordinary close.
   */
  static void abort(NetSocket socket) {
    if (socket instanceof NetSocketInternal internal) {
      internal.channelHandlerContext().close();
    } else {
      socket.close();
    }
  }

  /**
   * How a connection's gathered lines reach its socket: for Vert.x's own socket, straight into
   * its Netty channel, written and flushed at once, past Vert.x's own write path.
   *
   * <p>Why past it: Vert.x's {@code NetSocket.write} takes a promise, a write task in its own
   * queue and a flush of its own for every write, and counts the socket's queue as full only
   * once its own queue holds more writes behind a full channel; a connection that already
   * writes once per turn needs none of it. The bytes still count in the socket's metrics and
   * in its channel's outbound bytes, so {@link #full} is the write queue's limit in bytes.
   */
  interface SocketWrites {

    /**
     * A buffer to gather lines in, of {@code capacity} bytes to begin with (a pooled direct one
     * for Vert.x's socket). Release it, or hand it to {@link #writeAndFlush}.
     */
    ByteBuf buffer(int capacity);

    /** Writes and flushes {@code bytes}; the socket owns (and releases) the buffer from here. */
    void writeAndFlush(ByteBuf bytes);

    /**
     * True if more bytes wait to be sent than the socket's write queue takes
     * ({@link NetSocket#setWriteQueueMaxSize}): the client does not read what it was sent.
     */
    boolean full();
  }

  /** The writes of {@code socket}: into its channel if it is Vert.x's own, else through its public API. */
  static SocketWrites writes(NetSocket socket) {
    if (socket instanceof NetSocketInternal internal && socket instanceof ConnectionBase connection) {
      ChannelHandlerContext context = internal.channelHandlerContext();
      return new ChannelWrites(context, connection, new VoidChannelPromise(context.channel(), false));
    }
    return new PublicWrites(socket);
  }

  /**
   * Writes from Vert.x's handler down the pipeline (through TLS, if the socket has it), with a
   * promise that is never told (a failed write closes the channel, which the socket sees).
   */
  private record ChannelWrites(ChannelHandlerContext context, ConnectionBase connection, ChannelPromise noPromise)
      implements SocketWrites {

    @Override
    public ByteBuf buffer(int capacity) {
      return context.alloc().directBuffer(capacity);
    }

    @Override
    public void writeAndFlush(ByteBuf bytes) {
      connection.reportBytesWritten(bytes.readableBytes());
      context.writeAndFlush(bytes, noPromise);
    }

    @Override
    public boolean full() {
      return !context.channel().isWritable();
    }
  }

  /** A socket that is not Vert.x's own: its public write, which copies the bytes. */
  private record PublicWrites(NetSocket socket) implements SocketWrites {

    @Override
    public ByteBuf buffer(int capacity) {
      return Unpooled.buffer(capacity);
    }

    @Override
    public void writeAndFlush(ByteBuf bytes) {
      try {
        socket.write(Buffer.buffer(ByteBufUtil.getBytes(bytes)));
      } finally {
        bytes.release();
      }
    }

    @Override
    public boolean full() {
      return socket.writeQueueFull();
    }
  }

  /**
   * Runs {@code task} on {@code context}'s event loop once that loop has run every task queued
   * on it (Netty's tail task, on the loop's thread but outside any Vert.x context); a task of
   * the context if the loop is not Netty's single-threaded one. Call on the loop's thread.
   */
  static void afterLoopIteration(Context context, Runnable task) {
    if (context instanceof ContextInternal internal && internal.nettyEventLoop() instanceof SingleThreadEventLoop loop) {
      loop.executeAfterEventLoopIteration(task);
    } else {
      context.runOnContext(v -> task.run());
    }
  }

  /** Runs {@code task} after {@code delayMillis} on {@code context}, whatever thread asks. */
  static void setTimer(Context context, long delayMillis, Runnable task) {
    ((ContextInternal) context).setTimer(delayMillis, timer -> task.run());
  }
}
