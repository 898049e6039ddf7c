package org.sessionchat.bench.result;

import org.HdrHistogram.Histogram;

/**
 * How late the generator itself was during the measured window, so a latency figure can be
 * told apart from the generator's own stalls: a server cannot be faster, in any run, than the
 * generator that stamps its messages.
 *
 * @param loopMicros how late a 1 ms timer ran on each of the generator's event loops (every
 *                   received line waits behind whatever that loop is doing; its GC pauses and
 *                   time without a core show here too)
 * @param sendMicros how late each message with a rate left against its schedule (the latency
 *                   figures start when it left, so this is time they do not count)
 * @param eventLoops the event loops the clients' connections were on, over all processes
 */
public record GeneratorLag(Histogram loopMicros, Histogram sendMicros, int eventLoops) {

  public static GeneratorLag none() {
    return new GeneratorLag(LatencyHistograms.create(), LatencyHistograms.create(), 0);
  }

  /** Both histograms and the loops added up (parts of a run split over processes). */
  public GeneratorLag plus(GeneratorLag other) {
    Histogram loop = loopMicros.copy();
    loop.add(other.loopMicros);
    Histogram send = sendMicros.copy();
    send.add(other.sendMicros);
    return new GeneratorLag(loop, send, eventLoops + other.eventLoops);
  }
}
