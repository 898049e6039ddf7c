package org.sessionchat.chat.wire;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Strict UTF-8 decoding of one line: the second stage of a connection's pipeline.
 *
 * <p>Why strict: {@code new String(bytes, UTF_8)} silently replaces bad bytes with U+FFFD,
 * which would then be broadcast to a room; the wire protocol answers
 * {@code ERROR:BAD_ENCODING} instead. Control characters other than TAB (NUL, a bare CR,
 * ESC, DEL, ...) are refused the same way: relayed in a chat line, a CR ends the line for
 * many clients, which would let one user forge lines that seem to come from the server or
 * another user. Not thread-safe: one per connection.
 */
public final class Utf8 {

  private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
      .onMalformedInput(CodingErrorAction.REPORT)
      .onUnmappableCharacter(CodingErrorAction.REPORT);

  private final boolean formattingCodes;

  /** Strict: no control character but TAB. */
  public Utf8() {
    this(false);
  }

  /**
   * @param formattingCodes also let through the control characters IRC uses for colours,
   *     bold and CTCP (all but NUL, CR and LF, which still make a line bad)
   */
  public Utf8(boolean formattingCodes) {
    this.formattingCodes = formattingCodes;
  }

  private boolean isForbidden(byte b) {
    if (formattingCodes) {
      return b == 0 || b == '\r' || b == '\n';
    }
    return (b >= 0 && b < ' ' && b != '\t') || b == 0x7f;
  }

  /** The text of {@code bytes}, or empty if they are not valid UTF-8 or hold a control character. */
  public Optional<String> decode(byte[] bytes) {
    boolean ascii = true;
    for (byte b : bytes) {
      if (b < 0) {
        ascii = false;
      } else if (isForbidden(b)) {
        return Optional.empty();
      }
    }
    if (ascii) { // most lines: ASCII's UTF-8 is its Latin-1, which the string keeps as the bytes are
      return Optional.of(new String(bytes, StandardCharsets.ISO_8859_1));
    }
    try {
      return Optional.of(decoder.decode(ByteBuffer.wrap(bytes)).toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    } finally {
      decoder.reset();
    }
  }
}
