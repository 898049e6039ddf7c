package org.sessionchat.chat.wire;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The commands of the line protocol, each with its argument and what it does: the answer
 * to {@code HELP}, and what the parser's hints are made of.
 *
 * <p>Why one list: {@code HELP}, the hint for {@code JOIN deck} (a space where the colon
 * belongs) and the check for a known command word must never disagree about which
 * commands exist and which take an argument.
 */
public final class CommandHelp {

  /** One command: its word, its argument ({@code ""} for none) and what it does. */
  public record Entry(String word, String argument, String what) {

    public boolean takesArgument() {
      return !argument.isEmpty();
    }

    /** {@code HELP:<word>:<argument>:<what>}. */
    public String line() {
      return "HELP:" + word + ":" + argument + ":" + what;
    }
  }

  public static final List<Entry> ENTRIES = List.of(
      new Entry("NICK", "<name>", "choose your nickname (any time)"),
      new Entry("LIST", "", "list the rooms (lobby)"),
      new Entry("CREATE", "<room>", "create a room on this node; it does not join it (lobby)"),
      new Entry("JOIN", "<room>", "enter a room (lobby)"),
      new Entry("CHAT", "<text>", "say something to the room (in a room)"),
      new Entry("LEAVE", "", "back to the lobby (in a room)"),
      new Entry("PING", "[<token>]", "answered PONG or PONG:<token> (any time)"),
      new Entry("HELP", "[<command>]", "this list, or one command (any time)"),
      new Entry("QUIT", "", "answered BYE, then the connection is closed"));

  private CommandHelp() {
  }

  /** The entry for {@code word}, matched without regard to case. */
  public static Optional<Entry> entry(String word) {
    String upper = word.toUpperCase(Locale.ROOT);
    return ENTRIES.stream().filter(e -> e.word().equals(upper)).findFirst();
  }

  /** The lines answering {@code HELP} (topic null) or {@code HELP:<topic>}, the closing {@code OK} included. */
  public static List<String> lines(String topic) {
    if (topic == null) {
      List<String> lines = new java.util.ArrayList<>(ENTRIES.stream().map(Entry::line).toList());
      lines.add("OK:HELP");
      return List.copyOf(lines);
    }
    Entry entry = entry(topic).orElseThrow(() -> new IllegalArgumentException("no command " + topic));
    return List.of(entry.line(), "OK:HELP:" + entry.word());
  }
}
