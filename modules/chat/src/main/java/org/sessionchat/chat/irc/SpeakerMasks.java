package org.sessionchat.chat.irc;

import java.util.Arrays;

/**
 * The masks ({@code nick!user@host}) one IRC client was shown its rooms' recent speakers by,
 * found from a room's chat line ({@code nick:text}) as it arrives, without cutting the nick out
 * of the line.
 *
 * <p>Why: every chat line a client receives names its speaker by nick, and the client must be
 * shown them by the mask it knows. Looking that up from scratch cut the nick out (a string
 * per delivery), folded its case and the room's, and asked two hash maps — per member, for
 * every line of a busy room. Here the nick's characters are hashed in place and compared with
 * the nick kept for that slot. A room's lines spell a speaker's nick one way (as the speaker
 * registered it), so a kept nick is compared exactly, case included.
 *
 * <p>Only a memo: {@link IrcChannels} empties it whenever what the client was shown changes
 * (a member added, removed or renamed, a channel opened or closed), so a kept mask is always
 * the one a full look-up would give. {@value #SETS} sets of {@value #WAYS}, allocated at the
 * first chat line (a client that never hears one keeps nothing). Confined to the client's
 * context; not thread-safe.
 */
final class SpeakerMasks {

  /** Sets; a power of two. 64 slots in all: a room of a few dozen speakers mostly hits. */
  static final int SETS = 32;
  /** Slots per set. */
  static final int WAYS = 2;

  private String[] rooms;
  private String[] nicks;
  private String[] masks;

  /**
   * The mask kept for the speaker of {@code nickAndText} in {@code room}, or null if none is.
   */
  String find(String room, String nickAndText) {
    if (rooms == null) {
      return null;
    }
    int first = set(room, nickAndText) * WAYS;
    for (int slot = first; slot < first + WAYS; slot++) {
      String nick = nicks[slot];
      if (nick != null && spokenBy(nickAndText, nick) && room.equals(rooms[slot])) {
        return masks[slot];
      }
    }
    return null;
  }

  /**
   * Keeps {@code mask} for {@code nick}, the speaker of {@code nickAndText}, in {@code room}, in
   * the first way of its set; what was there moves to the second, whose entry is forgotten.
   */
  void keep(String room, String nickAndText, String nick, String mask) {
    if (rooms == null) {
      rooms = new String[SETS * WAYS];
      nicks = new String[SETS * WAYS];
      masks = new String[SETS * WAYS];
    }
    int first = set(room, nickAndText) * WAYS;
    System.arraycopy(rooms, first, rooms, first + 1, WAYS - 1);
    System.arraycopy(nicks, first, nicks, first + 1, WAYS - 1);
    System.arraycopy(masks, first, masks, first + 1, WAYS - 1);
    rooms[first] = room;
    nicks[first] = nick;
    masks[first] = mask;
  }

  /** Forgets every mask. */
  void clear() {
    if (rooms != null) {
      Arrays.fill(nicks, null);
      Arrays.fill(rooms, null);
      Arrays.fill(masks, null);
    }
  }

  /** True if {@code nickAndText} is {@code nick}'s: it starts with it, then a {@code :}. */
  private static boolean spokenBy(String nickAndText, String nick) {
    int length = nick.length();
    return nickAndText.length() > length && nickAndText.charAt(length) == ':' && nickAndText.startsWith(nick);
  }

  /** The set of the room and of the characters before the first {@code :}, hashed where they are. */
  private static int set(String room, String nickAndText) {
    int h = room.hashCode();
    for (int i = 0, n = nickAndText.length(); i < n; i++) {
      char c = nickAndText.charAt(i);
      if (c == ':') {
        break;
      }
      h = 31 * h + c;
    }
    h ^= h >>> 16;
    return h & (SETS - 1);
  }
}
