package org.sessionchat.session.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.buffer.Buffer;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sessionchat.session.ActorRef;

class EnvelopeCodecTest {

  private final EnvelopeCodec codec = new EnvelopeCodec();

  @Test
  void everyKindOfEnvelopeSurvivesTheWire() {
    List<Envelope> envelopes = List.of(
        Envelope.message("a-1", "b-1", "s", "P", "A", "B", "label",
            List.of("text ✓", 42L, true, List.of("x", List.of(1L, false)))),
        Envelope.invite("a-2", "a-1", "s", "P", "A", "B", Map.of("A", new ActorRef("n1", "a-1"), "B", new ActorRef("n2", "a-2"))),
        Envelope.establish("a-2", "a-1", "s", "P", "A", "B"),
        Envelope.end("a-2", "a-1", "s", "P", "A", "B", "COMPLETED"),
        Envelope.violation("a-1", "a-2", "s", "P", "B", "A", "pong", "S3"));

    for (Envelope envelope : envelopes) {
      assertThat(roundTrip(envelope)).isEqualTo(envelope);
    }
  }

  @Test
  void decodingStartsAtTheGivenPosition() {
    Envelope envelope = Envelope.establish("a", "b", "s", "P", "A", "B");
    Buffer buffer = Buffer.buffer("prefix");
    codec.encodeToWire(buffer, envelope);

    assertThat(codec.decodeFromWire(6, buffer)).isEqualTo(envelope);
  }

  @Test
  void garbageBecomesAMalformedEnvelopeNeverAnException() {
    Buffer good = Buffer.buffer();
    codec.encodeToWire(good, Envelope.message("a", "b", "s", "P", "A", "B", "m", List.of(List.of(List.of("deep")))));
    byte[] bytes = good.getBytes();

    assertMalformed(Buffer.buffer(), "frame");
    assertMalformed(Buffer.buffer().appendInt(3).appendByte((byte) 9).appendByte((byte) 0).appendByte((byte) 0), "version");
    assertMalformed(Buffer.buffer().appendInt(2).appendByte(EnvelopeCodec.VERSION).appendByte((byte) 99), "kind");
    assertMalformed(Buffer.buffer(bytes).setInt(0, bytes.length), "frame length");
    assertMalformed(Buffer.buffer(bytes).getBuffer(0, bytes.length - 3).setInt(0, bytes.length - 7), "early");
    assertMalformed(Buffer.buffer(bytes).setInt(6, Integer.MAX_VALUE), "");
    Random random = new Random(4);
    for (int i = 0; i < 2000; i++) {
      byte[] noise = bytes.clone();
      noise[4 + random.nextInt(noise.length - 4)] = (byte) random.nextInt();
      Envelope decoded = codec.decodeFromWire(0, Buffer.buffer(noise));
      assertThat(decoded).isNotNull();
    }
  }

  @Test
  void payloadValuesAreNormalisedOrRefused() {
    assertThat(PayloadValues.of(1, (short) 2, "s", true, List.of(3))).containsExactly(1L, 2L, "s", true, List.of(3L));
    assertThatThrownBy(() -> PayloadValues.of(1.5)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("java.lang.Double");
    assertThatThrownBy(() -> PayloadValues.of((Object) null)).isInstanceOf(IllegalArgumentException.class);
  }

  private Envelope roundTrip(Envelope envelope) {
    Buffer buffer = Buffer.buffer();
    codec.encodeToWire(buffer, envelope);
    return codec.decodeFromWire(0, buffer);
  }

  private void assertMalformed(Buffer buffer, String detail) {
    Envelope decoded = codec.decodeFromWire(0, buffer);
    assertThat(decoded.kind()).isEqualTo(Envelope.Kind.MALFORMED);
    assertThat(decoded.label()).contains(detail);
  }
}
