package org.sessionchat.session.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A broadcast's compact batch is, entry by entry and on the wire, the batch of its envelopes. */
class EnvelopeBatchTest {

  private static final Envelope COMMON = Envelope.message(null, "room-1", null, "ChatSession", "ChatRoom",
      "ClientThread", "incomingChatMessage", List.of("line"));
  private final EnvelopeBatchCodec codec = new EnvelopeBatchCodec();

  @Test
  void eachEntryOfACompactBatchIsTheEnvelopeOfItsOwnSession() {
    EnvelopeBatch compact = EnvelopeBatch.ofMessage(COMMON, new String[] {"c-1", "c-2", "c-3"},
        new String[] {"s-1", "s-2", "s-3"}, null, 2);

    assertThat(compact.size()).isEqualTo(2);
    assertThat(compact.get(1)).isEqualTo(Envelope.message("c-2", "room-1", "s-2", "ChatSession", "ChatRoom",
        "ClientThread", "incomingChatMessage", List.of("line")));
    assertThat(compact.targetActor(0)).isEqualTo("c-1");
    assertThat(compact.sessionId(0)).isEqualTo("s-1");
    assertThat(compact.common(0)).isSameAs(compact.common(1)).isSameAs(COMMON);
  }

  @Test
  void aCompactBatchGoesOverTheWireAsTheBatchOfItsEnvelopesWithoutTheDroppedOnes() {
    EnvelopeBatch compact = EnvelopeBatch.ofMessage(COMMON, new String[] {"c-1", "c-2", "c-3"},
        new String[] {"s-1", "s-2", "s-3"}, null, 3);
    compact.drop(1);
    Buffer wire = Buffer.buffer();
    codec.encodeToWire(wire, compact);

    EnvelopeBatch decoded = codec.decodeFromWire(0, wire);

    List<Envelope> envelopes = new ArrayList<>();
    for (int i = 0; i < decoded.size(); i++) {
      envelopes.add(decoded.get(i));
    }
    assertThat(envelopes).containsExactly(compact.get(0), compact.get(2));
  }

  @Test
  void onlySessionMessagesComeInTheCompactForm() {
    Envelope end = Envelope.end(null, "room-1", null, "ChatSession", "ChatRoom", "ClientThread", "COMPLETED");

    assertThatThrownBy(() -> EnvelopeBatch.ofMessage(end, new String[] {"c-1"}, new String[] {"s-1"}, null, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
