package org.sessionchat.terminal;

import java.util.List;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/**
 * How server lines and the client's own notes look on the screen: chat as
 * {@code [deck] <bob> hi}, notes after {@code *}, errors and lost rooms after {@code !},
 * in colour when {@code colour} is on (a nick keeps its colour).
 *
 * <p>Why the wire text stays visible in errors: docs and the node's HELP speak of
 * {@code ERROR:ROOM_EXISTS:deck}; a person who sees the same words can look them up.
 * With {@code raw} on, every server line is shown exactly as it came.
 */
public final class Renderer {

  private static final int[] NICK_COLOURS = {
      AttributedStyle.CYAN, AttributedStyle.GREEN, AttributedStyle.MAGENTA, AttributedStyle.BLUE, AttributedStyle.YELLOW};

  private final boolean colour;
  private final boolean raw;

  public Renderer(boolean colour, boolean raw) {
    this.colour = colour;
    this.raw = raw;
  }

  /** The screen line for {@code line}, or null for a line not worth showing. */
  public AttributedString render(ServerLine line) {
    if (raw) {
      return plain(line.raw());
    }
    if (line instanceof ServerLine.Message m) {
      return chat(m.room(), m.nick(), m.text(), false);
    } else if (line instanceof ServerLine.Ok ok) {
      return note(okText(ok));
    } else if (line instanceof ServerLine.Rooms rooms) {
      return note(rooms.rooms().isEmpty() ? "No rooms yet; /create ROOM makes one." : "Rooms: " + String.join(", ", rooms.rooms()));
    } else if (line instanceof ServerLine.Offline offline) {
      return warning("Room " + offline.room() + " went offline (its node stopped); you are back in the lobby.");
    } else if (line instanceof ServerLine.Error error) {
      return warning(error.raw());
    } else if (line instanceof ServerLine.Bye) {
      return note("Bye.");
    } else if (line instanceof ServerLine.Pong pong) {
      return "keepalive".equals(pong.token()) ? null : note(pong.raw());
    } else if (line instanceof ServerLine.Welcome) {
      return null; // the client says where it connected, with the address
    }
    return line.raw().startsWith("HELP:") ? helpEntry(line.raw()) : plain(line.raw());
  }

  /** {@code HELP:JOIN:<room>:enter a room} as {@code   JOIN:<room>        enter a room}. */
  private AttributedString helpEntry(String raw) {
    String[] f = raw.split(":", 4);
    if (f.length < 4) {
      return plain(raw);
    }
    String usage = f[1] + (f[2].isEmpty() ? "" : ":" + f[2]);
    return note(String.format("  %-20s %s", usage, f[3]));
  }

  private static String okText(ServerLine.Ok ok) {
    return switch (ok.command()) {
      case "NICK" -> "You are " + ok.argument() + " now.";
      case "CREATE" -> "Room " + ok.argument() + " created; /join " + ok.argument() + " to enter it.";
      case "JOIN" -> "You joined " + ok.argument() + ".";
      case "LEAVE" -> "You left " + ok.argument() + " and are back in the lobby.";
      case "HELP" -> ok.argument().isEmpty() ? "(end of the node's HELP; the shortcuts above map onto these)" : "(end of HELP)";
      default -> ok.raw();
    };
  }

  /** {@code [room] <nick> text}; one's own lines with the nick in bold. */
  public AttributedString chat(String room, String nick, String text, boolean own) {
    AttributedStringBuilder b = new AttributedStringBuilder();
    b.style(style(AttributedStyle.DEFAULT.faint())).append('[').append(room).append("] ");
    AttributedStyle nickStyle = AttributedStyle.DEFAULT.foreground(NICK_COLOURS[Math.floorMod(nick.hashCode(), NICK_COLOURS.length)]);
    b.style(style(own ? nickStyle.bold() : nickStyle)).append('<').append(nick).append("> ");
    b.style(AttributedStyle.DEFAULT).append(text);
    return b.toAttributedString();
  }

  /** A typed command, shown before its answer: {@code > LIST}. */
  public AttributedString typed(String line) {
    return styled("> " + line, AttributedStyle.DEFAULT.faint());
  }

  /** A line of the client's own: {@code * text}. */
  public AttributedString note(String text) {
    return styled("* " + text, AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN));
  }

  /** Something went wrong or away: {@code ! text}. */
  public AttributedString warning(String text) {
    return styled("! " + text, AttributedStyle.DEFAULT.foreground(AttributedStyle.RED).bold());
  }

  /** Several notes. */
  public List<AttributedString> notes(List<String> lines) {
    return lines.stream().map(this::note).toList();
  }

  private AttributedString styled(String text, AttributedStyle style) {
    return new AttributedString(text, style(style));
  }

  private AttributedStyle style(AttributedStyle style) {
    return colour ? style : AttributedStyle.DEFAULT;
  }

  private static AttributedString plain(String text) {
    return new AttributedString(text);
  }
}
