package org.sessionchat.bench.run;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetSocket;
import io.vertx.core.net.SocketAddress;
import java.util.concurrent.atomic.AtomicInteger;
import org.sessionchat.bench.ledger.PairLedger;
import org.sessionchat.bench.ledger.Tally;
import org.sessionchat.bench.wire.Dialect;
import org.sessionchat.bench.wire.LineSplitter;
import org.sessionchat.bench.wire.PayloadReader;
import org.sessionchat.bench.wire.ServerEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One simulated chat user: a single non-blocking TCP connection on one Vert.x event loop
 * (no thread of its own) that logs in, gets into its room and then keeps a ledger of every
 * message it receives. All its state is touched on its event loop only.
 */
final class BenchClient implements ServerEvents {

  private static final Logger LOG = LoggerFactory.getLogger(BenchClient.class);
  private static final int MAX_LINE = 64 * 1024;
  private static final int ERRORS_LOGGED = 10;
  private static final AtomicInteger errorsLogged = new AtomicInteger();
  private static final int CONNECT_ATTEMPTS = 3;
  private static final long RETRY_DELAY_MILLIS = 200;

  private final int id;
  private final Room room;
  private final boolean creator;
  private final Dialect dialect;
  private final RunMeter meter;
  private final Promise<Void> joinedPromise = Promise.promise();
  private final PairLedger[] ledgers;
  private final PayloadReader payload = new PayloadReader();
  private Sender sender;
  private Flooder flooder;
  private Vertx vertx;
  private NetClient net;
  private SocketAddress target;
  private int attempts;
  private volatile boolean registered;
  private NetSocket socket;
  private Context context;
  private volatile boolean joined;
  private volatile boolean closing;
  private volatile boolean connectionLost;

  BenchClient(int id, Room room, boolean creator, Dialect dialect, RunMeter meter) {
    this.id = id;
    this.room = room;
    this.creator = creator;
    this.dialect = dialect;
    this.meter = meter;
    this.ledgers = new PairLedger[room.senders()];
  }

  int id() {
    return id;
  }

  String nick() {
    return "b" + id;
  }

  void makeSender(Sender sender) {
    this.sender = sender;
  }

  Sender sender() {
    return sender;
  }

  void makeFlooder(Flooder flooder) {
    this.flooder = flooder;
  }

  Flooder flooder() {
    return flooder;
  }

  boolean isJoined() {
    return joined;
  }

  Context context() {
    return context;
  }

  Vertx vertx() {
    return context.owner();
  }

  /**
   * Connects, logs in and joins; completes once the client is in its room. A connection that
   * fails before the server accepted the login is tried again (up to {@value #CONNECT_ATTEMPTS}
   * times in all): servers with a short accept backlog reset connections in a burst.
   */
  Future<Void> start(Vertx vertx, NetClient client, SocketAddress target) {
    this.vertx = vertx;
    this.net = client;
    this.target = target;
    connect();
    if (!creator) {
      room.ready().onFailure(e -> joinedPromise.tryFail(e));
    }
    return joinedPromise.future();
  }

  private void connect() {
    attempts++;
    net.connect(target).onComplete(connect -> {
      if (connect.failed()) {
        failOrRetry("connect to " + target + " failed: " + connect.cause().getMessage());
        return;
      }
      NetSocket connection = connect.result();
      socket = connection;
      context = Vertx.currentContext();
      meter.connected();
      connection.handler(new LineSplitter(MAX_LINE, this::onLine,
          length -> error("a line of " + length + " bytes or more, over the " + MAX_LINE + " the generator reads")));
      connection.exceptionHandler(e -> {
        if (socket == connection) {
          failOrRetry("connection error: " + e.getMessage());
        }
      });
      connection.closeHandler(v -> {
        if (socket != connection) {
          return;
        }
        if (!joinedPromise.future().isComplete()) {
          failOrRetry("server closed the connection before the client was in its room");
        } else if (!closing) {
          connectionLost = true;
          error("server closed the connection");
        }
      });
      dialect.login(nick()).forEach(this::write);
    });
  }

  private void failOrRetry(String why) {
    if (registered || attempts >= CONNECT_ATTEMPTS || joinedPromise.future().isComplete()) {
      fail(why);
      return;
    }
    logError(nick() + ": " + why + "; connecting again");
    NetSocket old = socket;
    socket = null;
    if (old != null) {
      old.close();
    }
    vertx.setTimer(RETRY_DELAY_MILLIS, id -> connect());
  }

  void write(String line) {
    socket.write(line + "\n");
  }

  boolean writeQueueFull() {
    return socket.writeQueueFull();
  }

  void whenDrained(Runnable action) {
    socket.drainHandler(v -> action.run());
  }

  /** Closes the connection (QUIT is not needed: the servers handle a closed socket). */
  Future<Void> close() {
    closing = true;
    return socket == null ? Future.succeededFuture() : socket.close();
  }

  /**
   * This receiver's ledger against what each sender of the room sent; run on its event loop.
   * With {@code survivorsOnly} a client whose server went away counts nothing.
   */
  Future<Tally> tally(long[] sentBySlot, boolean survivorsOnly) {
    if (context == null || !joined || (survivorsOnly && connectionLost)) {
      return Future.succeededFuture(Tally.ZERO);
    }
    Promise<Tally> result = Promise.promise();
    context.runOnContext(v -> {
      Tally tally = Tally.ZERO;
      for (int slot = 0; slot < sentBySlot.length; slot++) {
        if (room.senderSlot(id) != slot) {
          PairLedger pair = ledgers[slot] == null ? new PairLedger() : ledgers[slot];
          tally = tally.plus(Tally.of(pair, sentBySlot[slot]));
        }
      }
      result.complete(tally);
    });
    return result.future();
  }

  private void onLine(Buffer line) {
    int length = line.length();
    if (length > 0 && line.getByte(length - 1) == '\r') {
      line = line.slice(0, length - 1);
    }
    dialect.read(line, this);
  }

  private void fail(String why) {
    if (joinedPromise.tryFail(why)) {
      meter.error();
      logError(nick() + ": " + why);
    }
    if (creator) {
      room.fail(why);
    }
  }

  @Override
  public void registered() {
    registered = true;
    if (creator) {
      String create = dialect.create(room.name());
      write(create != null ? create : dialect.join(room.name()));
    } else {
      room.ready().onSuccess(v -> write(dialect.join(room.name())));
    }
  }

  @Override
  public void created() {
    write(dialect.join(room.name()));
  }

  @Override
  public void joined() {
    if (joined) {
      return;
    }
    joined = true;
    meter.joined();
    if (creator) {
      room.markReady();
    }
    joinedPromise.tryComplete();
  }

  @Override
  public void message(Buffer line, int payloadOffset) {
    long now = System.nanoTime();
    if (line.length() > payloadOffset && line.getByte(payloadOffset) == Flooder.MARK) {
      meter.floodReceived();
      return;
    }
    PayloadReader payload = this.payload;
    try {
      payload.read(line, payloadOffset);
    } catch (IllegalArgumentException e) {
      error(e.getMessage());
      return;
    }
    int slot = room.senderSlot(payload.sender());
    if (slot < 0) {
      error("message from " + payload.sender() + ", who is no sender of room " + room.name());
      return;
    }
    PairLedger pair = ledgers[slot];
    if (pair == null) {
      pair = new PairLedger();
      ledgers[slot] = pair;
    }
    if (pair.record(payload.seq()) != PairLedger.Arrival.DUPLICATE) {
      if (flooder != null) {
        meter.deliveredUntimed(); // the flooder's own event loop is busy writing: not "the others"
      } else {
        meter.delivered(payload.sentNanos(), now);
      }
      Sender from = room.members().get(slot).sender();
      if (from.windowed()) {
        from.acked(payload.seq());
      }
    }
  }

  @Override
  public void reply(String line) {
    write(line);
  }

  @Override
  public void roomOffline() {
    meter.offline(System.nanoTime());
    if (sender != null) {
      sender.stop();
    }
    if (flooder != null) {
      flooder.stop();
    }
  }

  @Override
  public void error(String line) {
    meter.error();
    logError(nick() + " got: " + line);
  }

  private static void logError(String message) {
    int n = errorsLogged.incrementAndGet();
    if (n <= ERRORS_LOGGED) {
      LOG.warn("{}{}", message, n == ERRORS_LOGGED ? " (further errors only counted)" : "");
    }
  }
}
