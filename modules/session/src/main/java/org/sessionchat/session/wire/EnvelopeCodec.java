package org.sessionchat.session.wire;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageCodec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sessionchat.session.ActorRef;

/**
 * Carries {@link Envelope}s between nodes; within a node the envelope itself is handed over.
 *
 * <p>Wire form: {@code int length, byte version, byte kind, 7 strings, values, participants}.
 * Strings are {@code int byteLength} (-1 for null) plus UTF-8; values are tagged
 * ({@code S}tring, {@code L}ong, {@code B}oolean, {@code A}rray).
 *
 * <p>Why decoding never throws: a peer running another version or a corrupted frame must
 * not take down the receiving node. Anything that does not decode becomes a
 * {@link Envelope.Kind#MALFORMED} envelope saying what was wrong; the router counts and drops it.
 */
public final class EnvelopeCodec implements MessageCodec<Envelope, Envelope> {

  public static final String NAME = "sessionchat-envelope";
  static final byte VERSION = 2;
  private static final int MAX_DEPTH = 8;
  private static final Envelope.Kind[] KINDS = Envelope.Kind.values();

  @Override
  public void encodeToWire(Buffer buffer, Envelope envelope) {
    int lengthAt = buffer.length();
    buffer.appendInt(0);
    buffer.appendByte(VERSION);
    buffer.appendByte((byte) envelope.kind().ordinal());
    appendString(buffer, envelope.targetActor());
    appendString(buffer, envelope.sourceActor());
    appendString(buffer, envelope.sessionId());
    appendString(buffer, envelope.protocol());
    appendString(buffer, envelope.fromRole());
    appendString(buffer, envelope.toRole());
    appendString(buffer, envelope.label());
    buffer.appendInt(envelope.payload().size());
    for (Object value : envelope.payload()) {
      appendValue(buffer, value);
    }
    buffer.appendInt(envelope.participants().size());
    for (Map.Entry<String, ActorRef> entry : envelope.participants().entrySet()) {
      appendString(buffer, entry.getKey());
      appendString(buffer, entry.getValue().toString());
    }
    buffer.setInt(lengthAt, buffer.length() - lengthAt - 4);
  }

  @Override
  public Envelope decodeFromWire(int pos, Buffer buffer) {
    try {
      return new Reader(buffer, pos).envelope();
    } catch (RuntimeException e) {
      return Envelope.malformed("undecodable envelope: " + e.getMessage());
    }
  }

  @Override
  public Envelope transform(Envelope envelope) {
    return envelope;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public byte systemCodecID() {
    return -1;
  }

  private static void appendString(Buffer buffer, String value) {
    if (value == null) {
      buffer.appendInt(-1);
      return;
    }
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    buffer.appendInt(bytes.length);
    buffer.appendBytes(bytes);
  }

  private static void appendValue(Buffer buffer, Object value) {
    if (value instanceof String s) {
      buffer.appendByte((byte) 'S');
      appendString(buffer, s);
    } else if (value instanceof Long l) {
      buffer.appendByte((byte) 'L');
      buffer.appendLong(l);
    } else if (value instanceof Boolean b) {
      buffer.appendByte((byte) 'B');
      buffer.appendByte(b ? (byte) 1 : (byte) 0);
    } else if (value instanceof List<?> list) {
      buffer.appendByte((byte) 'A');
      buffer.appendInt(list.size());
      for (Object element : list) {
        appendValue(buffer, element);
      }
    } else {
      throw new IllegalArgumentException("cannot encode payload value of " + value.getClass().getName());
    }
  }

  /** A bounded cursor: every length is checked against the frame before anything is allocated. */
  private static final class Reader {
    private final Buffer buffer;
    private int pos;
    private final int end;

    Reader(Buffer buffer, int pos) {
      this.buffer = buffer;
      if (pos < 0 || buffer.length() - pos < 4) {
        throw new IllegalArgumentException("frame shorter than its length field");
      }
      int length = buffer.getInt(pos);
      this.pos = pos + 4;
      this.end = this.pos + length;
      if (length < 0 || length > buffer.length() - this.pos) {
        throw new IllegalArgumentException("frame length " + length + " does not fit the buffer");
      }
    }

    Envelope envelope() {
      byte version = nextByte();
      if (version != VERSION) {
        throw new IllegalArgumentException("unknown envelope version " + version);
      }
      int kind = nextByte();
      if (kind < 0 || kind >= KINDS.length || KINDS[kind] == Envelope.Kind.MALFORMED) {
        throw new IllegalArgumentException("unknown envelope kind " + kind);
      }
      String target = string();
      String source = string();
      String session = string();
      String protocol = string();
      String from = string();
      String to = string();
      String label = string();
      int count = count(1);
      List<Object> payload = count == 0 ? List.of() : new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        payload.add(value(0));
      }
      int participantCount = count(8);
      Map<String, ActorRef> participants = participantCount == 0 ? Map.of() : new LinkedHashMap<>();
      for (int i = 0; i < participantCount; i++) {
        participants.put(string(), ActorRef.parse(string()));
      }
      if (pos != end) {
        throw new IllegalArgumentException((end - pos) + " trailing bytes");
      }
      return new Envelope(KINDS[kind], target, source, session, protocol, from, to, label,
          count == 0 ? List.of() : List.copyOf(payload), participants.isEmpty() ? Map.of() : Map.copyOf(participants));
    }

    private Object value(int depth) {
      byte tag = nextByte();
      switch (tag) {
        case 'S':
          String s = string();
          if (s == null) {
            throw new IllegalArgumentException("null string value");
          }
          return s;
        case 'L':
          need(8);
          long l = buffer.getLong(pos);
          pos += 8;
          return l;
        case 'B':
          return nextByte() != 0;
        case 'A':
          if (depth >= MAX_DEPTH) {
            throw new IllegalArgumentException("lists nested deeper than " + MAX_DEPTH);
          }
          int n = count(1);
          List<Object> list = new ArrayList<>(n);
          for (int i = 0; i < n; i++) {
            list.add(value(depth + 1));
          }
          return List.copyOf(list);
        default:
          throw new IllegalArgumentException("unknown value tag " + tag);
      }
    }

    private int count(int minBytesEach) {
      need(4);
      int n = buffer.getInt(pos);
      pos += 4;
      if (n < 0 || (long) n * minBytesEach > end - pos) {
        throw new IllegalArgumentException("count " + n + " does not fit the frame");
      }
      return n;
    }

    private String string() {
      need(4);
      int n = buffer.getInt(pos);
      pos += 4;
      if (n == -1) {
        return null;
      }
      if (n < 0) {
        throw new IllegalArgumentException("negative string length " + n);
      }
      need(n);
      String s = buffer.getString(pos, pos + n, "UTF-8");
      pos += n;
      return s;
    }

    private byte nextByte() {
      need(1);
      return buffer.getByte(pos++);
    }

    private void need(int bytes) {
      if (bytes > end - pos) {
        throw new IllegalArgumentException("frame ends " + (bytes - (end - pos)) + " bytes early");
      }
    }
  }
}
