package org.sessionchat.bench.run;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import org.sessionchat.bench.wire.Dialect;

/**
 * The talking half of a flooding member: it writes chat lines as fast as its socket takes
 * them, so that the server's flood control, not the generator, decides how fast they go. Its
 * lines start with {@value #MARK} (a benchmark payload starts with a digit), so receivers
 * count them apart and they never enter a latency figure.
 */
final class Flooder {

  /** First character of a flood line's text. */
  static final char MARK = 'f';

  private final BenchClient client;
  private final Dialect dialect;
  private final RunMeter meter;
  private final String room;
  private volatile boolean stopped;
  private long sent;

  Flooder(BenchClient client, Dialect dialect, RunMeter meter, String room) {
    this.client = client;
    this.dialect = dialect;
    this.meter = meter;
    this.room = room;
  }

  void start() {
    client.context().runOnContext(v -> pump());
  }

  /** Stops flooding; completes on the flooder's event loop. */
  Future<Void> stop() {
    stopped = true;
    Promise<Void> done = Promise.promise();
    client.context().runOnContext(v -> done.complete());
    return done.future();
  }

  private void pump() {
    // a bounded burst per turn of the event loop: the other clients on it get their turn
    for (int i = 0; i < 256 && !stopped; i++) {
      if (client.writeQueueFull()) {
        client.whenDrained(this::pump);
        return;
      }
      client.write(dialect.say(room, MARK + Long.toString(sent++)));
      meter.floodSent();
    }
    if (!stopped) {
      client.context().runOnContext(v -> pump());
    }
  }
}
