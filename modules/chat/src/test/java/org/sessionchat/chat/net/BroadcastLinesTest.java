package org.sessionchat.chat.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BroadcastLinesTest {

  private final BroadcastLines lines = new BroadcastLines();

  @Test
  void theSameChatLineForAnotherMemberIsEncodedOnce() {
    String said = "ann:" + "hello".repeat(2);
    byte[] first = lines.message("deck", said);
    byte[] second = lines.message(new String("deck"), new String(said.toCharArray()));

    assertThat(second).isSameAs(first);
    assertThat(new String(first, StandardCharsets.UTF_8)).isEqualTo("MSG:deck:ann:hellohello\n");
    assertThat(lines.encoded()).isEqualTo(1);
    assertThat(lines.reused()).isEqualTo(1);
  }

  @Test
  void anotherTextOrAnotherRoomIsALineOfItsOwn() {
    byte[] first = lines.message("deck", "ann:hi");
    byte[] otherText = lines.message("deck", "ann:ho");
    byte[] otherRoom = lines.message("hall", "ann:ho");

    assertThat(otherText).isNotSameAs(first);
    assertThat(new String(otherRoom, StandardCharsets.UTF_8)).isEqualTo("MSG:hall:ann:ho\n");
    assertThat(lines.encoded()).isEqualTo(3);
  }

  @Test
  void nonAsciiTextIsUtf8() {
    byte[] line = lines.message("café", "zoë:grüße ✓");

    assertThat(line).isEqualTo("MSG:café:zoë:grüße ✓\n".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void theSameFormattedLineForTheNextConnectionIsEncodedOnce() {
    String privmsg = ":ann!~ann@127.0.0.1 PRIVMSG #deck :" + "hi".repeat(3);
    byte[] first = lines.line(privmsg, "\r\n");
    byte[] second = lines.line(new String(privmsg.toCharArray()), "\r\n");
    byte[] otherEnd = lines.line(privmsg, "\n");

    assertThat(second).isSameAs(first);
    assertThat(new String(first, StandardCharsets.UTF_8)).isEqualTo(privmsg + "\r\n");
    assertThat(otherEnd).isNotSameAs(first);
    assertThat(new String(otherEnd, StandardCharsets.UTF_8)).isEqualTo(privmsg + "\n");
    assertThat(lines.encoded()).isEqualTo(2);
    assertThat(lines.reused()).isEqualTo(1);
  }

  @Test
  void linesHandedClientByClientAreStillEncodedOnceEach() {
    String[] said = {"ann:one", "bob:two", "cy:three", "ann:four"};
    byte[][] first = new byte[said.length][];
    for (int i = 0; i < said.length; i++) {
      first[i] = lines.message("deck", said[i]); // the first member's waiting lines
    }
    for (int i = 0; i < said.length; i++) {
      assertThat(lines.message("deck", said[i])).isSameAs(first[i]); // the next member's
    }

    assertThat(lines.encoded()).isEqualTo(4);
    assertThat(lines.reused()).isEqualTo(4);
  }

  @Test
  void aBusyTurnOfTwoHundredLinesPerMemberIsEncodedAboutOnce() {
    String[] said = new String[200];
    for (int i = 0; i < said.length; i++) {
      said[i] = "user" + (i % 20) + ":line " + i + " of a busy room";
    }
    for (int member = 0; member < 19; member++) {
      for (String text : said) {
        assertThat(new String(lines.message("deck", text), StandardCharsets.UTF_8)).isEqualTo("MSG:deck:" + text + "\n");
      }
    }

    // sets may fill up: a few lines may be encoded again, never most of them
    assertThat(lines.encoded()).isLessThanOrEqualTo(said.length + 10L);
    assertThat(lines.encoded() + lines.reused()).isEqualTo(said.length * 19L);
  }
}
