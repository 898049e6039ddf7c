package org.sessionchat.chat.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BroadcastLinesTest {

  private final BroadcastLines lines = new BroadcastLines();

  @Test
  void theSameChatLineForAnotherMemberIsEncodedOnce() {
    String said = "ann:" + "hello".repeat(2);
    Buffer first = lines.message("deck", said);
    Buffer second = lines.message(new String("deck"), new String(said.toCharArray()));

    assertThat(second).isSameAs(first);
    assertThat(first.toString(StandardCharsets.UTF_8)).isEqualTo("MSG:deck:ann:hellohello\n");
    assertThat(lines.encoded()).isEqualTo(1);
    assertThat(lines.reused()).isEqualTo(1);
  }

  @Test
  void anotherTextOrAnotherRoomIsALineOfItsOwn() {
    Buffer first = lines.message("deck", "ann:hi");
    Buffer otherText = lines.message("deck", "ann:ho");
    Buffer otherRoom = lines.message("hall", "ann:ho");

    assertThat(otherText).isNotSameAs(first);
    assertThat(otherRoom.toString(StandardCharsets.UTF_8)).isEqualTo("MSG:hall:ann:ho\n");
    assertThat(lines.encoded()).isEqualTo(3);
  }

  @Test
  void nonAsciiTextIsUtf8() {
    Buffer line = lines.message("café", "zoë:grüße ✓");

    assertThat(line.getBytes()).isEqualTo("MSG:café:zoë:grüße ✓\n".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void theSameFormattedLineForTheNextConnectionIsEncodedOnce() {
    String privmsg = ":ann!~ann@127.0.0.1 PRIVMSG #deck :" + "hi".repeat(3);
    Buffer first = lines.line(privmsg, "\r\n");
    Buffer second = lines.line(new String(privmsg.toCharArray()), "\r\n");
    Buffer otherEnd = lines.line(privmsg, "\n");

    assertThat(second).isSameAs(first);
    assertThat(first.toString(StandardCharsets.UTF_8)).isEqualTo(privmsg + "\r\n");
    assertThat(otherEnd).isNotSameAs(first);
    assertThat(otherEnd.toString(StandardCharsets.UTF_8)).isEqualTo(privmsg + "\n");
    assertThat(lines.encoded()).isEqualTo(2);
    assertThat(lines.reused()).isEqualTo(1);
  }

  @Test
  void linesHandedClientByClientAreStillEncodedOnceEach() {
    String[] said = {"ann:one", "bob:two", "cy:three", "ann:four"};
    Buffer[] first = new Buffer[said.length];
    for (int i = 0; i < said.length; i++) {
      first[i] = lines.message("deck", said[i]); // the first member's waiting lines
    }
    for (int i = 0; i < said.length; i++) {
      assertThat(lines.message("deck", said[i])).isSameAs(first[i]); // the next member's
    }

    assertThat(lines.encoded()).isEqualTo(4);
    assertThat(lines.reused()).isEqualTo(4);
  }
}
