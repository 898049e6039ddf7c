package org.sessionchat.bench.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineSplitterTest {

  private final List<String> lines = new ArrayList<>();
  private final List<Integer> tooLong = new ArrayList<>();
  private final LineSplitter splitter = new LineSplitter(10, line -> lines.add(line.toString()), tooLong::add);

  @Test
  void severalLinesInOneChunkComeOutOneByOneWithoutTheirNewline() {
    splitter.handle(Buffer.buffer("a\nbb\r\n\nccc\n"));

    assertThat(lines).containsExactly("a", "bb\r", "", "ccc");
  }

  @Test
  void aLineCutAcrossChunksComesOutWholeOnceItsEndArrives() {
    splitter.handle(Buffer.buffer("MSG:r"));
    splitter.handle(Buffer.buffer("oo"));
    assertThat(lines).isEmpty();

    splitter.handle(Buffer.buffer("m\nnext\nhal"));
    splitter.handle(Buffer.buffer("f\n"));

    assertThat(lines).containsExactly("MSG:room", "next", "half");
  }

  @Test
  void aLineLongerThanTheLimitIsReportedNotDeliveredAndTheNextLinesStillAre() {
    splitter.handle(Buffer.buffer("0123456789A"));
    assertThat(tooLong).containsExactly(11);
    splitter.handle(Buffer.buffer("more of the same line"));

    splitter.handle(Buffer.buffer("end\nok\n0123456789AB\nfine\n"));

    assertThat(tooLong).containsExactly(11, 12);
    assertThat(lines).containsExactly("ok", "fine");
  }

  @Test
  void aLineAtTheLimitIsDeliveredWhicheverChunksItCameIn() {
    splitter.handle(Buffer.buffer("01234"));
    splitter.handle(Buffer.buffer("56789\n0123456789\n"));

    assertThat(lines).containsExactly("0123456789", "0123456789");
    assertThat(tooLong).isEmpty();
  }
}
