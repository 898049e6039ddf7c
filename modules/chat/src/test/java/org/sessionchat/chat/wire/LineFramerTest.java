package org.sessionchat.chat.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LineFramerTest {

  private final List<String> frames = new ArrayList<>();
  private final LineFramer framer = new LineFramer(8, frame -> frames.add(
      frame instanceof LineFramer.Frame.Line line ? new String(line.bytes(), StandardCharsets.UTF_8) : "<too long>"));

  private void feed(String... chunks) {
    for (String chunk : chunks) {
      framer.feed(Buffer.buffer(chunk));
    }
  }

  @Test
  void splitsLinesAcrossAndWithinChunks() {
    feed("PI", "NG\nLI", "ST\nQUIT\n");
    assertThat(frames).containsExactly("PING", "LIST", "QUIT");
  }

  @Test
  void dropsTheCarriageReturnOfCrLfOnly() {
    feed("a\r\nb\rc\n\r\n");
    assertThat(frames).containsExactly("a", "b\rc", "");
  }

  @Test
  void keepsAnUnfinishedLineUntilItsNewline() {
    feed("PING");
    assertThat(frames).isEmpty();
    assertThat(framer.buffered()).isEqualTo(4);
    feed("\n");
    assertThat(frames).containsExactly("PING");
  }

  @Test
  void acceptsALineOfExactlyTheMaximumWithEitherTerminator() {
    feed("12345678\n", "abcdefgh\r\n");
    assertThat(frames).containsExactly("12345678", "abcdefgh");
  }

  @Test
  void discardsATooLongLineUpToItsNewlineAndReportsItOnce() {
    feed("123456789\nPING\n");
    assertThat(frames).containsExactly("<too long>", "PING");
  }

  @Test
  void reportsALongLineEndingInCarriageReturnAsTooLong() {
    feed("123456789\r\n");
    assertThat(frames).containsExactly("<too long>");
  }

  @Test
  void boundsTheBufferForALineThatNeverEnds() {
    for (int i = 0; i < 10_000; i++) {
      feed("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx");
      assertThat(framer.buffered()).isLessThanOrEqualTo(9);
    }
    assertThat(frames).isEmpty();
    feed("\nQUIT\n");
    assertThat(frames).containsExactly("<too long>", "QUIT");
  }

  @Test
  void countsTheLimitInBytesNotCharacters() {
    feed("ééééé\n", "éééé\n"); // 10 bytes, then 8 bytes
    assertThat(frames).containsExactly("<too long>", "éééé");
  }

  @Test
  void growsItsBufferForLongLinesUpToTheMaximum() {
    List<Integer> lengths = new ArrayList<>();
    LineFramer big = new LineFramer(1000, frame -> lengths.add(
        frame instanceof LineFramer.Frame.Line line ? line.bytes().length : -1));
    big.feed(Buffer.buffer("a".repeat(1000) + "\n" + "b".repeat(1001) + "\n" + "c".repeat(300) + "\r\n"));
    assertThat(lengths).containsExactly(1000, -1, 300);
  }

  @Test
  void framesAStreamAlikeHoweverItIsCutIntoChunks() {
    Random random = new Random(20261203);
    byte[] alphabet = {'a', 'b', '\r', '\n', (byte) 0xc3, (byte) 0xa9};
    for (int stream = 0; stream < 2_000; stream++) {
      byte[] bytes = new byte[random.nextInt(60)];
      for (int i = 0; i < bytes.length; i++) {
        bytes[i] = alphabet[random.nextInt(alphabet.length)];
      }
      List<String> chunked = new ArrayList<>();
      LineFramer framer = new LineFramer(8, frame -> chunked.add(
          frame instanceof LineFramer.Frame.Line line ? new String(line.bytes(), StandardCharsets.ISO_8859_1) : "<too long>"));
      for (int start = 0; start < bytes.length; ) {
        int end = Math.min(bytes.length, start + 1 + random.nextInt(12));
        framer.feed(Buffer.buffer(java.util.Arrays.copyOfRange(bytes, start, end)));
        assertThat(framer.buffered()).isLessThanOrEqualTo(9);
        start = end;
      }
      String text = new String(bytes, StandardCharsets.ISO_8859_1);
      assertThat(chunked).as(text).isEqualTo(framesByTheRule(text, 8));
      assertThat(framer.unendedLength()).as(text).isEqualTo(text.length() - text.lastIndexOf('\n') - 1);
    }
  }

  /** The frames of a whole stream, by the rule: a line per {@code \n}, less one {@code \r} before it, too long past the maximum. */
  private static List<String> framesByTheRule(String stream, int maxLength) {
    List<String> expected = new ArrayList<>();
    int start = 0;
    for (int newline = stream.indexOf('\n'); newline >= 0; newline = stream.indexOf('\n', start)) {
      String line = stream.substring(start, newline);
      line = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
      expected.add(line.length() > maxLength ? "<too long>" : line);
      start = newline + 1;
    }
    return expected;
  }
}
