package org.sessionchat.bench.run;

/**
 * When, within one period of their rate, the senders of a run send. Senders started
 * together and ticking at the same period send in the same millisecond, period after period:
 * every member of every room then receives its lines in one burst, and the last line of a
 * burst waits for the server and the generator to work through all the others. People do
 * not type in step; spread senders send as often, at evenly spaced moments of the period.
 */
public enum Phases {
  /** Every sender's first message at the same moment (bursts of rooms x senders messages). */
  ALIGNED,
  /** Sender i of n starts i/n of a period later. */
  SPREAD;

  /** The delay of sender {@code index} of {@code count} before its first message. */
  public long offsetMillis(int index, int count, long periodMillis) {
    return this == SPREAD && count > 0 ? index * periodMillis / count : 0;
  }
}
