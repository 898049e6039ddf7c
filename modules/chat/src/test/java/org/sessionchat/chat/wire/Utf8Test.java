package org.sessionchat.chat.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Utf8Test {

  private final Utf8 utf8 = new Utf8();

  @Test
  void decodesValidMultiByteText() {
    assertThat(utf8.decode("CHAT:héllo ✓ 😀".getBytes(StandardCharsets.UTF_8))).contains("CHAT:héllo ✓ 😀");
  }

  @Test
  void refusesMalformedBytesAndStaysUsable() {
    assertThat(utf8.decode(new byte[] {'C', (byte) 0xC3, '('})).isEmpty();
    assertThat(utf8.decode(new byte[] {(byte) 0xFF})).isEmpty();
    assertThat(utf8.decode(new byte[] {(byte) 0xE2, (byte) 0x82})).isEmpty(); // truncated sequence
    assertThat(utf8.decode("PING".getBytes(StandardCharsets.UTF_8))).contains("PING");
  }

  @Test
  void refusesOverlongEncodingsAndSurrogates() {
    assertThat(utf8.decode(new byte[] {(byte) 0xC0, (byte) 0xAF})).isEmpty();
    assertThat(utf8.decode(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80})).isEmpty();
  }

  @Test
  void refusesControlCharactersButKeepsTabs() {
    assertThat(utf8.decode(new byte[] {'C', 'H', 'A', 'T', ':', 'a', 0, 'b'})).isEmpty();
    assertThat(utf8.decode("CHAT:x\rMSG:room:admin:forged".getBytes(StandardCharsets.UTF_8))).isEmpty();
    assertThat(utf8.decode("CHAT:\u001b[2J".getBytes(StandardCharsets.UTF_8))).isEmpty();
    assertThat(utf8.decode("CHAT:\u007f".getBytes(StandardCharsets.UTF_8))).isEmpty();
    assertThat(utf8.decode("CHAT:a\tb".getBytes(StandardCharsets.UTF_8))).contains("CHAT:a\tb");
  }
}
