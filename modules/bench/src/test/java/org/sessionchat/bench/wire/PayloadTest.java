package org.sessionchat.bench.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

class PayloadTest {

  @Test
  void encodedPayloadDecodesToTheSameFields() {
    Payload payload = new Payload(1234, 56789, 987654321012345L);

    assertThat(Payload.decode(payload.encode(100))).isEqualTo(payload);
  }

  @Test
  void encodingIsPaddedToTheRequestedSize() {
    assertThat(new Payload(1, 2, 3).encode(100)).hasSize(100).endsWith("xxx");
  }

  @Test
  void encodingLongerThanTheSizeIsNotCut() {
    String text = new Payload(1, 2, 987654321012345L).encode(5);

    assertThat(Payload.decode(text).sentNanos()).isEqualTo(987654321012345L);
  }

  @Test
  void encodingHasNoColonOrSpaceSoBothWireProtocolsCarryItUnchanged() {
    assertThat(new Payload(7, 8, 9).encode(64)).doesNotContain(":", " ");
  }

  @Test
  void decodesFromAnOffsetInsideAReceivedLine() {
    Payload payload = new Payload(3, 4, 5);
    Buffer line = Buffer.buffer("MSG:room:nick:" + payload.encode(30));

    assertThat(Payload.decode(line, "MSG:room:nick:".length())).isEqualTo(payload);
  }

  @Test
  void textThatIsNoPayloadIsRefused() {
    assertThatThrownBy(() -> Payload.decode("hello there"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a bench payload");
  }

  @Test
  void truncatedPayloadIsRefused() {
    assertThatThrownBy(() -> Payload.decode("12,34"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
