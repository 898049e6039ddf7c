package org.sessionchat.terminal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.completer.StringsCompleter;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.InfoCmp;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code scripts/chat-client}: the terminal client for people. Line editing and history
 * (JLine), incoming lines above the prompt, one's own chat lines shown, the nick and room
 * in the prompt, {@code /join deck}-style shortcuts next to the wire commands, and a move
 * to the next node of the list when the node dies.
 *
 * <p>Why a client of its own: {@code nc} shows arrow keys as {@code ^[[D}, mixes incoming
 * lines into what one is typing and echoes nothing one says. Without a terminal (input
 * from a pipe) it reads lines and prints plain lines, so scripts can use it too.
 */
@Command(name = "chat-client", mixinStandardHelpOptions = true, versionProvider = ChatTerminal.Version.class,
    usageHelpWidth = 100,
    description = {"A terminal client for session-chat nodes. Type /help once connected.",
        "In a room, plain lines are chat; wire commands (NICK:ann, LIST, JOIN:deck) work as typed."})
public final class ChatTerminal implements Callable<Integer> {

  /** How colour is chosen. */
  enum ColourMode { auto, always, never }

  @Parameters(index = "0", arity = "0..1", defaultValue = "7001", paramLabel = "NODES",
      description = {"Ports (on HOST) or host:port, comma-separated, tried in order; when a node dies",
          "the client moves to the next one (default: ${DEFAULT-VALUE})."})
  private String nodes;

  @Parameters(index = "1", arity = "0..1", paramLabel = "HOST",
      description = "Host for the bare ports of NODES (default: " + Endpoint.DEFAULT_HOST + ").")
  private String host;

  @Option(names = "--nick", paramLabel = "NAME", description = "Take this nickname on every node connected to.")
  private String nick;

  @Option(names = "--color", paramLabel = "WHEN", defaultValue = "auto",
      description = {"auto (when the terminal has colour and NO_COLOR is not set), always or never",
          "(default: ${DEFAULT-VALUE})."})
  private ColourMode colour;

  @Option(names = "--raw", description = "Show the lines the node sends exactly as they come.")
  private boolean raw;

  @Option(names = "--history", paramLabel = "FILE", defaultValue = "${sys:user.home}/.session-chat_history",
      description = "Where typed lines are kept between runs (default: ~/.session-chat_history).")
  private Path history;

  public static void main(String[] args) {
    System.exit(new CommandLine(new ChatTerminal()).setCaseInsensitiveEnumValuesAllowed(true).execute(args));
  }

  @Override
  public Integer call() throws IOException {
    List<Endpoint> endpoints;
    try {
      endpoints = Endpoint.parseList(nodes, host == null ? Endpoint.DEFAULT_HOST : host);
    } catch (IllegalArgumentException e) {
      System.err.println("chat-client: " + e.getMessage());
      return 2;
    }
    return System.console() == null ? runPlain(endpoints) : runTerminal(endpoints);
  }

  private int runTerminal(List<Endpoint> endpoints) throws IOException {
    try (Terminal terminal = TerminalBuilder.builder().name("session-chat").system(true).build()) {
      LineReader reader = LineReaderBuilder.builder()
          .terminal(terminal)
          .appName("session-chat")
          .completer(new StringsCompleter("/nick", "/list", "/create", "/join", "/leave", "/say", "/ping", "/raw",
              "/help", "/quit"))
          .variable(LineReader.HISTORY_FILE, history)
          .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true) // "hi!" is chat, not a history reference
          .option(LineReader.Option.ERASE_LINE_ON_FINISH, true) // what was typed comes back as chat or as "> command"
          .build();
      Renderer renderer = new Renderer(colourOn(terminal), raw);
      try (ChatClient client = new ChatClient(endpoints, nick, new JLineScreen(reader), renderer, ChatClient.Settings.DEFAULT)) {
        client.echoCommands(true);
        if (!connect(client)) {
          return 1;
        }
        while (!client.isFinished()) {
          String line;
          try {
            line = reader.readLine(client.state().prompt());
          } catch (UserInterruptException | EndOfFileException e) {
            client.quit(Duration.ofSeconds(3));
            break;
          }
          client.typed(line);
        }
      }
      return 0;
    }
  }

  private int runPlain(List<Endpoint> endpoints) throws IOException {
    Renderer renderer = new Renderer(colour == ColourMode.always, raw);
    try (ChatClient client = new ChatClient(endpoints, nick, new PlainScreen(System.out), renderer, ChatClient.Settings.DEFAULT)) {
      if (!connect(client)) {
        return 1;
      }
      BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      String line;
      while (!client.isFinished() && (line = in.readLine()) != null) {
        client.typed(line);
      }
      if (!client.isFinished()) {
        client.quit(Duration.ofSeconds(3));
      }
    }
    return 0;
  }

  private static boolean connect(ChatClient client) {
    try {
      client.start();
      return true;
    } catch (ChatClient.NoNodeReachable e) {
      System.err.println("chat-client: " + e.getMessage() + " (is a node running? scripts/cluster status)");
      return false;
    }
  }

  private boolean colourOn(Terminal terminal) {
    if (colour != ColourMode.auto) {
      return colour == ColourMode.always;
    }
    Integer colours = terminal.getNumericCapability(InfoCmp.Capability.max_colors);
    return System.getenv("NO_COLOR") == null && colours != null && colours >= 8;
  }

  /** The version from the jar's manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = ChatTerminal.class.getPackage().getImplementationVersion();
      return new String[] {"chat-client " + (version == null ? "(development build)" : version)};
    }
  }
}
