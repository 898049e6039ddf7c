package org.sessionchat.terminal;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The client core: one connection to one of several nodes, the person's {@link ChatState},
 * and the move to another node when the connection is lost.
 *
 * <p>Why fail-over lives here: a node may die under a person (that is what the cluster is
 * for). The client then connects to the next node of its list, takes its nick back and
 * rejoins its room: a room hosted on a surviving node is still there, one hosted on the
 * dead node is gone ({@code ERROR:ROOM_NOT_FOUND}), and the person is told which. Lines
 * typed while no node is connected wait and are sent once one is. Thread-safe: the
 * typing thread calls {@link #typed}, each connection's reader thread delivers lines.
 */
public final class ChatClient implements AutoCloseable {

  /** How the client connects and reconnects. */
  public record Settings(Duration connectTimeout, Duration firstRetry, Duration maxRetry, Duration keepalive) {
    public static final Settings DEFAULT =
        new Settings(Duration.ofSeconds(2), Duration.ofMillis(500), Duration.ofSeconds(5), Duration.ofSeconds(60));
  }

  /** No node of the list accepted a connection. */
  public static final class NoNodeReachable extends IOException {
    NoNodeReachable(List<Endpoint> endpoints) {
      super("cannot connect to " + endpoints.stream().map(Endpoint::toString).reduce((a, b) -> a + ", " + b).orElse("-"));
    }
  }

  private static final String KEEPALIVE = "PING:keepalive";

  private final List<Endpoint> endpoints;
  private final Screen screen;
  private final Renderer renderer;
  private final Settings settings;
  private final ScheduledExecutorService timer;
  private final CountDownLatch finished = new CountDownLatch(1);
  private final Deque<String> outbox = new ArrayDeque<>();

  private NodeConnection connection;
  private int endpointIndex;
  private ChatState state = ChatState.INITIAL;
  private final CountDownLatch welcomed = new CountDownLatch(1);
  private volatile boolean echoCommands;
  private boolean everConnected;
  private boolean quitting;
  private String wantedNick;
  private String roomToRestore;
  private String rejoining;

  /**
   * @param endpoints the nodes, tried in this order; after a loss the next one first
   * @param nick      the nick to take on every node (null: keep the guest name the first node gives)
   */
  public ChatClient(List<Endpoint> endpoints, String nick, Screen screen, Renderer renderer, Settings settings) {
    if (endpoints.isEmpty()) {
      throw new IllegalArgumentException("no endpoint");
    }
    this.endpoints = List.copyOf(endpoints);
    this.wantedNick = nick;
    this.screen = screen;
    this.renderer = renderer;
    this.settings = settings;
    this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "chat-client-timer");
      thread.setDaemon(true);
      return thread;
    });
  }

  /**
   * Connects to the first node of the list that answers, and keeps the connection alive
   * (a {@code PING} now and then: nodes drop clients that are silent for long).
   *
   * @throws NoNodeReachable if none does
   */
  public void start() throws NoNodeReachable {
    if (!connectToAny(0)) {
      throw new NoNodeReachable(endpoints);
    }
    try { // the first prompt shows the nick and node the node gave (typing earlier would only queue)
      welcomed.await(settings.connectTimeout().toMillis() * 3, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    long every = settings.keepalive().toMillis();
    timer.scheduleAtFixedRate(this::keepalive, every, every, TimeUnit.MILLISECONDS);
  }

  /**
   * Shows each typed line that is not chat (a command, a shortcut) before its answer, for a
   * screen that erases the line once typed (chat lines are shown as {@code [room] <nick> text}).
   */
  public void echoCommands(boolean on) {
    echoCommands = on;
  }

  /** The person typed {@code line}. */
  public void typed(String line) {
    Action action;
    synchronized (this) {
      action = InputTranslator.translate(line, state);
    }
    if (echoCommands && !(action instanceof Action.Say) && !(action instanceof Action.Nothing)) {
      screen.show(renderer.typed(line));
    }
    if (action instanceof Action.Send send) {
      send.lines().forEach(this::send);
    } else if (action instanceof Action.Say say) {
      say(say.text());
    } else if (action instanceof Action.Note note) {
      renderer.notes(note.lines()).forEach(screen::show);
    } else if (action instanceof Action.Help help) {
      renderer.notes(help.lines()).forEach(screen::show);
      send("HELP");
    } else if (action instanceof Action.Quit) {
      quit(Duration.ofSeconds(3));
    }
  }

  /** Sends {@code QUIT} and waits up to {@code grace} for the node to say {@code BYE} and close. */
  public void quit(Duration grace) {
    NodeConnection current;
    synchronized (this) {
      quitting = true;
      current = state.link() == ChatState.Link.CONNECTED ? connection : null;
    }
    if (current == null || !current.send("QUIT")) {
      finish();
      return;
    }
    try {
      if (!finished.await(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        finish();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      finish();
    }
  }

  /** True once the person quit and the connection is closed. */
  public boolean isFinished() {
    return finished.getCount() == 0;
  }

  public synchronized ChatState state() {
    return state;
  }

  @Override
  public void close() {
    synchronized (this) {
      quitting = true;
    }
    finish();
  }

  // --- sending

  private void say(String text) {
    ChatState now;
    synchronized (this) {
      now = state;
    }
    send("CHAT:" + text);
    screen.show(renderer.chat(now.room(), now.nick(), text, true));
  }

  private void send(String line) {
    NodeConnection current;
    boolean queued;
    synchronized (this) {
      current = state.link() == ChatState.Link.CONNECTED ? connection : null;
      queued = current == null;
      if (queued) {
        outbox.add(line);
      }
    }
    if (queued) {
      screen.show(renderer.note("Not connected: the line is sent once the client is on a node again."));
    } else if (!current.send(line)) {
      synchronized (this) {
        outbox.add(line); // the reader thread sees the end of the connection and reconnects
      }
    }
  }

  private void keepalive() {
    NodeConnection current;
    synchronized (this) {
      current = state.link() == ChatState.Link.CONNECTED ? connection : null;
    }
    if (current != null) {
      current.send(KEEPALIVE);
    }
  }

  // --- connecting

  /** Tries every endpoint once, starting at {@code first}; true if one accepted. */
  private boolean connectToAny(int first) {
    for (int i = 0; i < endpoints.size(); i++) {
      int index = (first + i) % endpoints.size();
      NodeConnection opened;
      try {
        opened = NodeConnection.open(endpoints.get(index), (int) settings.connectTimeout().toMillis());
      } catch (IOException e) {
        continue;
      }
      synchronized (this) {
        if (quitting) {
          opened.close();
          return true;
        }
        connection = opened;
        endpointIndex = index;
      }
      opened.start(line -> received(opened, line), () -> lost(opened));
      return true;
    }
    return false;
  }

  private void reconnect(Duration delay) {
    synchronized (this) {
      if (quitting) {
        return;
      }
    }
    if (connectToAny(endpointIndex + 1)) {
      return;
    }
    Duration next = delay.multipliedBy(2).compareTo(settings.maxRetry()) > 0 ? settings.maxRetry() : delay.multipliedBy(2);
    screen.show(renderer.warning("No node answers (" + String.join(", ", endpoints.stream().map(Endpoint::toString).toList())
        + "); trying again in " + millisText(delay) + ". /quit to give up."));
    timer.schedule(() -> reconnect(next), delay.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void lost(NodeConnection closed) {
    String lostRoom;
    String where;
    synchronized (this) {
      if (closed != connection) {
        return;
      }
      connection = null;
      if (quitting) {
        state = state.with(ChatState.Link.CLOSED);
        finished.countDown();
        return;
      }
      where = describe(closed.endpoint());
      lostRoom = state.room() != null ? state.room() : rejoining;
      roomToRestore = lostRoom;
      rejoining = null;
      state = state.with(ChatState.Link.RECONNECTING);
    }
    screen.show(renderer.warning("Lost the connection to " + where
        + (lostRoom == null ? "" : " (you were in " + lostRoom + ")") + "; reconnecting."));
    screen.prompt(state().prompt());
    timer.execute(() -> reconnect(settings.firstRetry()));
  }

  // --- receiving

  private void received(NodeConnection from, String text) {
    ServerLine line = ServerLine.parse(text);
    List<String> restore = new ArrayList<>();
    String shown = null;
    boolean byeAfterQuit = false;
    boolean promptChanged;
    synchronized (this) {
      if (from != connection) {
        return;
      }
      ChatState before = state;
      state = state.after(line);
      promptChanged = !state.prompt().equals(before.prompt());
      if (line instanceof ServerLine.Welcome welcome) {
        shown = (everConnected ? "Reconnected to " : "Connected to ") + welcome.node() + " (" + from.endpoint() + ") as "
            + welcome.nick() + "." + (everConnected ? "" : " /help lists the commands.");
        everConnected = true;
        welcomed.countDown();
        if (wantedNick != null && !wantedNick.equals(welcome.nick())) {
          restore.add("NICK:" + wantedNick);
        }
        if (roomToRestore != null) {
          rejoining = roomToRestore;
          roomToRestore = null;
          restore.add("JOIN:" + rejoining);
        }
        restore.addAll(outbox);
        outbox.clear();
      } else if (line instanceof ServerLine.Ok ok && ok.command().equals("NICK")) {
        wantedNick = ok.argument();
      } else if (line instanceof ServerLine.Ok ok && ok.command().equals("JOIN") && ok.argument().equals(rejoining)) {
        shown = "You are back in " + rejoining + ".";
        rejoining = null;
      } else if (line instanceof ServerLine.Error error && rejoining != null
          && (error.code().equals("ROOM_NOT_FOUND") || error.code().equals("ROOM_FULL"))) {
        screen.show(renderer.warning("Room " + rejoining + " did not survive (it lived on the node that went away)"
            + "; you are in the lobby. /list shows the rooms, /create " + rejoining + " makes it again."));
        rejoining = null;
        line = null;
      }
      if (line instanceof ServerLine.Bye && quitting) {
        byeAfterQuit = true;
      } else if (line instanceof ServerLine.Bye) {
        shown = describe(from.endpoint()) + " is shutting down (it said BYE).";
      }
    }
    if (shown != null) {
      screen.show(renderer.note(shown));
    } else if (line != null) {
      var rendered = renderer.render(line);
      if (rendered != null) {
        screen.show(rendered);
      }
    }
    if (promptChanged) {
      screen.prompt(state().prompt());
    }
    restore.forEach(from::send);
    if (byeAfterQuit) {
      finished.countDown(); // after "Bye." is on the screen
    }
  }

  private String describe(Endpoint endpoint) {
    String node = state.node();
    return node == null ? endpoint.toString() : node + " (" + endpoint + ")";
  }

  private void finish() {
    NodeConnection current;
    synchronized (this) {
      current = connection;
      connection = null;
      state = state.with(ChatState.Link.CLOSED);
    }
    if (current != null) {
      current.close();
    }
    timer.shutdownNow();
    finished.countDown();
  }

  private static String millisText(Duration delay) {
    return delay.toMillis() % 1000 == 0 ? delay.toSeconds() + " s" : delay.toMillis() + " ms";
  }
}
