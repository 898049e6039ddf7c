package org.sessionchat.chat.net;

import java.nio.charset.StandardCharsets;
import org.sessionchat.chat.wire.Replies;

/**
 * The chat lines encoded lately for the connections of one event loop, so that a room's
 * broadcast is turned into bytes once per event loop instead of once per member: every member
 * of a room gets the same {@code MSG:<room>:<nick>:<text>} line (or the same IRC
 * {@code PRIVMSG} line), and the room hands it to all its members on this node in one go. An
 * IRC line names its speaker as each member was shown them ({@code nick!user@host}), so it is
 * kept by that name too: members who know the speaker alike share it.
 *
 * <p>Why more than the last line: the socket's event loop writes each client's waiting lines
 * in one go, client after client, so under load member A's lines 1 to 200 come before member
 * B's lines 1 to 200; one remembered line would be replaced before its second use. The lines
 * are kept in a table of {@value #SLOTS} by the hash of their parts (a string's hash is
 * computed once per string, and members on this node share the relayed text's string), in
 * sets of {@value #WAYS}: a line that finds its set full replaces the one used longest ago, so
 * two busy lines whose hashes meet do not push each other out for every member.
 *
 * <p>The next member's copy of the line handed out last is known without a look-up: the same
 * text (the same string: the room relays one) in an equal room (each member holds the room's
 * name in a string of its own).
 *
 * <p>The encoded bytes are shared by the connections they are copied to: nothing writes into
 * them after they are built. At most a few hundred kilobytes are kept. Confined to one context
 * (the server verticle's, where its connections' writes happen); not thread-safe.
 */
public final class BroadcastLines {

  /**
   * Lines kept; a power of two, a few times the lines one turn hands a client (the
   * benchmark's fastest room has up to 4,000 lines on their way at once).
   */
  static final int SLOTS = 2048;
  /** Slots a line may be kept in (a set); a power of two. */
  static final int WAYS = 4;

  private final int[] hashes = new int[SLOTS];
  private final String[] firsts = new String[SLOTS];
  private final String[] seconds = new String[SLOTS];
  /** The third part of an IRC {@code PRIVMSG}'s key (the speaker as shown), null for the others. */
  private final String[] thirds = new String[SLOTS];
  private final byte[][] lines = new byte[SLOTS][];
  private final long[] used = new long[SLOTS];
  private long clock;
  /** The parts and bytes of the line handed out last (the same strings, not just equal ones). */
  private String lastFirst;
  private String lastSecond;
  private String lastThird;
  private byte[] lastLine;
  private long encoded;
  private long reused;

  /** The line protocol's {@code MSG} line for {@code room}, with its terminator. */
  public byte[] message(String room, String nickAndText) {
    if (nickAndText == lastSecond && lastThird == null && room.equals(lastFirst)) { // the same relayed line for the next member
      reused++;
      return lastLine;
    }
    int hash = hash(room, nickAndText, null);
    byte[] kept = find(hash, room, nickAndText, null);
    return kept != null ? kept : keep(hash, room, nickAndText, null, Replies.message(room, nickAndText) + "\n");
  }

  /**
   * IRC's {@code :<speaker> PRIVMSG #<room> :<text>} line, with its CR LF, for a room's
   * {@code <nick>:<text>}; {@code speaker} is the speaker as the member was shown them
   * ({@code nick!user@host}), so members who know the speaker by the same name share the bytes.
   */
  public byte[] privmsg(String speaker, String room, String nickAndText) {
    if (nickAndText == lastSecond && speaker.equals(lastThird) && room.equals(lastFirst)) { // the next member's copy
      reused++;
      return lastLine;
    }
    int hash = hash(room, nickAndText, speaker);
    byte[] kept = find(hash, room, nickAndText, speaker);
    return kept != null ? kept : keep(hash, room, nickAndText, speaker, privmsgText(speaker, room, nickAndText) + "\r\n");
  }

  /** IRC's {@code PRIVMSG} line (without its terminator) for a room's {@code <nick>:<text>}, as {@link #privmsg}. */
  public static String privmsgText(String speaker, String room, String nickAndText) {
    return ":" + speaker + " PRIVMSG #" + room + " :" + nickAndText.substring(nickAndText.indexOf(':') + 1);
  }

  /**
   * {@code text} and {@code lineEnd} as bytes: those made for the same two before, if they
   * are still kept, else new ones. Any line may come here.
   */
  public byte[] line(String text, String lineEnd) {
    int hash = hash(lineEnd, text, null);
    byte[] kept = find(hash, lineEnd, text, null);
    return kept != null ? kept : keep(hash, lineEnd, text, null, text + lineEnd);
  }

  private static int hash(String first, String second, String third) {
    int h = (second.hashCode() * 31 + first.hashCode()) * 31 + (third == null ? 0 : third.hashCode());
    return h ^ (h >>> 16);
  }

  private static int set(int hash) {
    return hash & (SLOTS - 1) & -WAYS;
  }

  private byte[] find(int hash, String first, String second, String third) {
    int set = set(hash);
    for (int slot = set; slot < set + WAYS; slot++) {
      if (lines[slot] != null && hashes[slot] == hash && second.equals(seconds[slot]) && first.equals(firsts[slot])
          && (third == null ? thirds[slot] == null : third.equals(thirds[slot]))) {
        used[slot] = ++clock;
        reused++;
        return last(first, second, third, lines[slot]);
      }
    }
    return null;
  }

  private byte[] keep(int hash, String first, String second, String third, String line) {
    int set = set(hash);
    int oldest = set;
    for (int slot = set; slot < set + WAYS; slot++) {
      if (used[slot] < used[oldest]) {
        oldest = slot;
      }
    }
    hashes[oldest] = hash;
    firsts[oldest] = first;
    seconds[oldest] = second;
    thirds[oldest] = third;
    lines[oldest] = line.getBytes(StandardCharsets.UTF_8);
    used[oldest] = ++clock;
    encoded++;
    return last(first, second, third, lines[oldest]);
  }

  private byte[] last(String first, String second, String third, byte[] line) {
    lastFirst = first;
    lastSecond = second;
    lastThird = third;
    lastLine = line;
    return line;
  }

  /** Lines encoded so far. */
  public long encoded() {
    return encoded;
  }

  /** Lines handed out again without encoding. */
  public long reused() {
    return reused;
  }
}
