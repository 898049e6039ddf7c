package org.sessionchat.chat.wire;

import java.util.Locale;

/**
 * Turns one decoded line into a {@link Command}: the third stage of a connection's pipeline.
 *
 * <p>A line is {@code WORD} or {@code WORD:argument}; the argument is everything after the
 * first {@code :} (chat text may contain more). Command words are matched without regard
 * to case, because people type them by hand in {@code nc}. Stateless: whether a command
 * is allowed in the lobby or in a room is the client actor's business.
 */
public final class CommandParser {

  private CommandParser() {
  }

  public static Command parse(String line) {
    int colon = line.indexOf(':');
    String word = colon < 0 ? line : line.substring(0, colon);
    String argument = colon < 0 ? null : line.substring(colon + 1);
    String name = word.toUpperCase(Locale.ROOT);
    return switch (name) {
      case "NICK" -> named(name, argument, Command.Nick::new);
      case "CREATE" -> named(name, argument, Command.Create::new);
      case "JOIN" -> named(name, argument, Command.Join::new);
      case "CHAT" -> isEmpty(argument) ? badArgument(name) : new Command.Chat(argument);
      case "PING" -> new Command.Ping(argument);
      case "LIST" -> argument == null ? new Command.ListRooms() : badArgument(name);
      case "LEAVE" -> argument == null ? new Command.Leave() : badArgument(name);
      case "QUIT" -> argument == null ? new Command.Quit() : badArgument(name);
      case "HELP" -> help(argument);
      default -> unknown(word, line);
    };
  }

  /** {@code HELP} or {@code HELP:<command>}; help on a command that does not exist is an unknown command. */
  private static Command help(String topic) {
    if (topic == null) {
      return new Command.Help(null);
    }
    return CommandHelp.entry(topic).<Command>map(entry -> new Command.Help(entry.word()))
        .orElseGet(() -> new Command.Invalid(Replies.unknownCommand(topic)));
  }

  /**
   * An unknown command; {@code JOIN deck} (a known word, then a space where the colon
   * belongs) gets the line it should have been as a hint, because IRC habits type it so.
   */
  private static Command unknown(String word, String line) {
    int space = word.indexOf(' ');
    if (space > 0) {
      var entry = CommandHelp.entry(word.substring(0, space));
      if (entry.isPresent()) {
        String rest = line.substring(space + 1).strip();
        String meant = entry.get().word() + (entry.get().takesArgument() && !rest.isEmpty() ? ":" + rest : "");
        return new Command.Invalid(Replies.unknownCommand(word, meant));
      }
    }
    return new Command.Invalid(Replies.unknownCommand(word));
  }

  private static Command named(String command, String argument, java.util.function.Function<String, Command> make) {
    if (isEmpty(argument)) {
      return badArgument(command);
    }
    return Names.isValid(argument) ? make.apply(argument) : new Command.Invalid(Replies.badName(argument));
  }

  private static boolean isEmpty(String argument) {
    return argument == null || argument.isEmpty();
  }

  private static Command badArgument(String command) {
    return new Command.Invalid(Replies.badArgument(command));
  }
}
