package org.sessionchat.bench.result;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;

/** The one shape of latency histogram the bench uses (microseconds, 1 us .. 10 min), and its text form. */
public final class LatencyHistograms {

  private static final long HIGHEST_MICROS = 600_000_000L;
  private static final int SIGNIFICANT_DIGITS = 3;

  private LatencyHistograms() {
  }

  public static Histogram create() {
    return new Histogram(1, HIGHEST_MICROS, SIGNIFICANT_DIGITS);
  }

  public static long highestMicros() {
    return HIGHEST_MICROS;
  }

  public static int significantDigits() {
    return SIGNIFICANT_DIGITS;
  }

  /** Compressed, base64: how a child process hands its histogram to its parent. */
  public static String encode(Histogram histogram) {
    ByteBuffer buffer = ByteBuffer.allocate(histogram.getNeededByteBufferCapacity());
    int length = histogram.encodeIntoCompressedByteBuffer(buffer);
    byte[] bytes = new byte[length];
    buffer.flip();
    buffer.get(bytes);
    return Base64.getEncoder().encodeToString(bytes);
  }

  public static Histogram decode(String text) {
    try {
      Histogram decoded = Histogram.decodeFromCompressedByteBuffer(
          ByteBuffer.wrap(Base64.getDecoder().decode(text)), 1);
      Histogram histogram = create();
      histogram.add(decoded);
      return histogram;
    } catch (DataFormatException e) {
      throw new IllegalArgumentException("not an encoded latency histogram", e);
    }
  }
}
