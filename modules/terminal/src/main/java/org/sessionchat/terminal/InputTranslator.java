package org.sessionchat.terminal;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns what the person typed into an {@link Action}: {@code /join deck}-style shortcuts,
 * wire-protocol lines sent as typed, and plain text, which is chat while in a room.
 *
 * <p>The rules, in order:
 * <ol>
 *   <li>a blank line does nothing;</li>
 *   <li>{@code //text} says {@code /text} (a chat line that starts with a slash);</li>
 *   <li>{@code /word ...} is a shortcut (see {@link #SHORTCUTS}); an unknown one is answered locally;</li>
 *   <li>a wire command ({@code NICK:ann}, {@code LIST}, ...) is sent as typed. In a room only
 *       the upper-case spelling followed by {@code :} or the end of the line counts, so that
 *       "join me later" is chat; in the lobby any spelling counts, as on the wire;</li>
 *   <li>anything else is chat in a room, and in the lobby a local hint (nothing is sent:
 *       there is no room to say it in; the line stays in the history).</li>
 * </ol>
 */
public final class InputTranslator {

  /** The command words of the wire protocol. */
  static final Set<String> WIRE_COMMANDS = Set.of("NICK", "LIST", "CREATE", "JOIN", "CHAT", "LEAVE", "PING", "QUIT", "HELP");

  /** The shortcuts with their use, as {@code /help} shows them. */
  static final List<String> SHORTCUTS = List.of(
      "/nick NAME      choose your nickname",
      "/list           list the rooms",
      "/create ROOM    create a room (it lives on this node)",
      "/join ROOM      enter a room (leaves the current one first)",
      "/leave          back to the lobby (also /part)",
      "/say TEXT       say TEXT in the room (plain lines do too; //text says /text)",
      "/ping           ask the node for a PONG",
      "/raw LINE       send LINE as it is",
      "/help           this list, then the node's own HELP",
      "/quit           leave (also /exit, Ctrl-D, Ctrl-C)",
      "Wire commands (NICK:ann, LIST, JOIN:deck, ...) are sent as typed; in a room, plain lines are chat.");

  private InputTranslator() {
  }

  public static Action translate(String typed, ChatState state) {
    String line = stripLineEnd(typed);
    if (line.isBlank()) {
      return new Action.Nothing();
    }
    if (line.startsWith("//")) {
      return say(line.substring(1), state);
    }
    if (line.startsWith("/")) {
      return shortcut(line.substring(1), state);
    }
    if (isWireCommand(line, state.inRoom())) {
      return commandWord(line).equalsIgnoreCase("QUIT") && !line.contains(":") ? new Action.Quit() : Action.Send.of(line);
    }
    return say(line, state);
  }

  private static Action say(String text, ChatState state) {
    if (state.inRoom()) {
      return new Action.Say(text);
    }
    return Action.Note.of("You are in the lobby: /join ROOM (or /create ROOM) first, /list shows the rooms, /help the rest.");
  }

  private static Action shortcut(String text, ChatState state) {
    int space = text.indexOf(' ');
    String word = (space < 0 ? text : text.substring(0, space)).toLowerCase(Locale.ROOT);
    String argument = space < 0 ? "" : text.substring(space + 1).trim();
    return switch (word) {
      case "nick" -> withArgument("NICK", argument, "/nick NAME");
      case "create" -> withArgument("CREATE", argument, "/create ROOM");
      case "join" -> join(argument, state);
      case "list" -> Action.Send.of("LIST");
      case "leave", "part" -> Action.Send.of("LEAVE");
      case "say" -> argument.isEmpty() ? usage("/say TEXT") : say(argument, state);
      case "ping" -> Action.Send.of(argument.isEmpty() ? "PING" : "PING:" + argument);
      case "raw" -> argument.isEmpty() ? usage("/raw LINE") : Action.Send.of(argument);
      case "quit", "exit" -> new Action.Quit();
      case "help" -> help();
      default -> Action.Note.of("Unknown shortcut /" + word + "; /help lists them.");
    };
  }

  private static Action join(String room, ChatState state) {
    if (room.isEmpty()) {
      return usage("/join ROOM");
    }
    if (state.room() != null && room.equalsIgnoreCase(state.room())) { // room names (ASCII) compare without regard to case
      return Action.Note.of("You are in " + state.room() + " already.");
    }
    return state.inRoom() ? Action.Send.of("LEAVE", "JOIN:" + room) : Action.Send.of("JOIN:" + room);
  }

  private static Action help() {
    return new Action.Help(SHORTCUTS);
  }

  private static Action withArgument(String command, String argument, String usage) {
    return argument.isEmpty() ? usage(usage) : Action.Send.of(command + ":" + argument);
  }

  private static Action usage(String usage) {
    return Action.Note.of("Usage: " + usage);
  }

  private static boolean isWireCommand(String line, boolean inRoom) {
    String word = commandWord(line);
    if (inRoom) {
      return WIRE_COMMANDS.contains(word) && (line.length() == word.length() || line.charAt(word.length()) == ':');
    }
    return WIRE_COMMANDS.contains(word.toUpperCase(Locale.ROOT));
  }

  /** The first word: up to the first {@code :} or space. */
  private static String commandWord(String line) {
    int end = 0;
    while (end < line.length() && line.charAt(end) != ':' && line.charAt(end) != ' ') {
      end++;
    }
    return line.substring(0, end);
  }

  private static String stripLineEnd(String typed) {
    return typed.endsWith("\r") ? typed.substring(0, typed.length() - 1) : typed;
  }
}
