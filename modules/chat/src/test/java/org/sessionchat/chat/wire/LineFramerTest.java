package org.sessionchat.chat.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
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
}
