package org.sessionchat.session.wire;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageCodec;
import java.util.ArrayList;
import java.util.List;

/**
 * Carries an {@link EnvelopeBatch} to another node: the envelopes not dropped, each in
 * {@link EnvelopeCodec}'s own wire form; within a node the batch itself is handed over.
 *
 * <p>Wire form: {@code int count}, then {@code count} envelope frames. Decoding never throws:
 * a frame that does not decode becomes a {@link Envelope.Kind#MALFORMED} envelope, which the
 * receiving router counts and drops, and the frames after it are read from its length field.
 */
public final class EnvelopeBatchCodec implements MessageCodec<EnvelopeBatch, EnvelopeBatch> {

  public static final String NAME = "sessionchat-envelope-batch";
  /** More envelopes than this in one frame is not a batch any sender makes. */
  static final int MAX_ENVELOPES = 1 << 20;

  private final EnvelopeCodec envelopes = new EnvelopeCodec();

  @Override
  public void encodeToWire(Buffer buffer, EnvelopeBatch batch) {
    buffer.appendInt(batch.remaining());
    for (int i = 0; i < batch.size(); i++) {
      if (!batch.isDropped(i)) {
        envelopes.encodeToWire(buffer, batch.get(i));
      }
    }
  }

  @Override
  public EnvelopeBatch decodeFromWire(int pos, Buffer buffer) {
    List<Envelope> decoded = new ArrayList<>();
    try {
      int count = buffer.getInt(pos);
      if (count < 0 || count > MAX_ENVELOPES) {
        return malformed("batch count " + count);
      }
      int at = pos + 4;
      for (int i = 0; i < count; i++) {
        decoded.add(envelopes.decodeFromWire(at, buffer));
        int length = buffer.getInt(at);
        if (length < 0 || length > buffer.length() - at - 4) {
          decoded.add(Envelope.malformed("batch frame " + i + " does not fit the buffer"));
          break;
        }
        at += 4 + length;
      }
    } catch (RuntimeException e) {
      decoded.add(Envelope.malformed("undecodable batch: " + e.getMessage()));
    }
    return new EnvelopeBatch(decoded);
  }

  private static EnvelopeBatch malformed(String detail) {
    return new EnvelopeBatch(List.of(Envelope.malformed("undecodable batch: " + detail)));
  }

  @Override
  public EnvelopeBatch transform(EnvelopeBatch batch) {
    return batch;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public byte systemCodecID() {
    return -1;
  }
}
