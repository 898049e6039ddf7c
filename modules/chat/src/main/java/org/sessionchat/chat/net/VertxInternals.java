package org.sessionchat.chat.net;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.socket.DuplexChannel;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.internal.net.NetSocketInternal;
import io.vertx.core.net.NetSocket;

/**
 * The one place the chat server reaches into Vert.x's internal API.
 *
 * <p>Why it is needed at all: a chat server must gather the flushes of a broadcast, end its
 * output after a last line while still reading, and drop a client that stops reading — and
 * Vert.x's public {@link NetSocket} can do none of these; they are Netty pipeline operations,
 * reached through Vert.x's integration interface; and writing a pooled direct buffer the socket
 * then owns (gathered lines, see {@link GatheredLines}) needs Netty's own write. And flood control's timers must fire on a
 * socket's context whatever thread sets them, which the public {@code setTimer} (bound to the
 * caller's context) cannot do. Every method falls back to what the public API offers when the
 * socket or context is not Vert.x's own.
 */
final class VertxInternals {

  private VertxInternals() {
  }

  /**
   * Netty's {@link FlushConsolidationHandler} at the head of the pipeline: one {@code write}
   * system call per turn of the event loop, not one per line; a close still flushes.
   */
  static void consolidateFlushes(NetSocket socket) {
    if (socket instanceof NetSocketInternal internal) {
      internal.channelHandlerContext().pipeline().addFirst("flush-consolidation",
          new FlushConsolidationHandler(FlushConsolidationHandler.DEFAULT_EXPLICIT_FLUSH_AFTER_FLUSHES, true));
    }
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
   * A direct buffer from the socket's own (pooled) allocator, of {@code capacity} bytes to begin
   * with; a heap buffer if the socket is not Vert.x's own. Release it, or hand it to
   * {@link #write}.
   */
  static ByteBuf directBuffer(NetSocket socket, int capacity) {
    if (socket instanceof NetSocketInternal internal) {
      return internal.channelHandlerContext().alloc().directBuffer(capacity);
    }
    return Unpooled.buffer(capacity);
  }

  /**
   * Writes {@code bytes} and hands the buffer to the socket, which releases it once written (or
   * when the write fails); Vert.x's public write would copy it first.
   */
  static void write(NetSocket socket, ByteBuf bytes) {
    if (socket instanceof NetSocketInternal internal) {
      internal.writeMessage(bytes);
      return;
    }
    try {
      socket.write(Buffer.buffer(ByteBufUtil.getBytes(bytes)));
    } finally {
      bytes.release();
    }
  }

  /** Runs {@code task} after {@code delayMillis} on {@code context}, whatever thread asks. */
  static void setTimer(Context context, long delayMillis, Runnable task) {
    ((ContextInternal) context).setTimer(delayMillis, timer -> task.run());
  }
}
