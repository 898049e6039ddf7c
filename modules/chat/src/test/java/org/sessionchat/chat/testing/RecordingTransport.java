package org.sessionchat.chat.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.sessionchat.chat.actor.ClientEvent;
import org.sessionchat.chat.actor.ClientTransport;
import org.sessionchat.chat.wire.Command;

/**
 * A {@link ClientTransport} without a socket: the test hands the actor commands and reads
 * the events it delivered, in order.
 */
public final class RecordingTransport implements ClientTransport {

  private final BlockingQueue<ClientEvent> events = new LinkedBlockingQueue<>();
  private final CompletableFuture<Consumer<Command>> reader = new CompletableFuture<>();
  private final CompletableFuture<CloseReason> closed = new CompletableFuture<>();
  private final List<Runnable> closeHandlers = new ArrayList<>();
  private volatile Context context;

  @Override
  public void start(Consumer<Command> commands) {
    context = Vertx.currentContext();
    reader.complete(commands);
  }

  /** Hands {@code command} to the actor on its context, as a connection would. */
  public RecordingTransport send(Command command) throws Exception {
    Consumer<Command> commands = reader.get(10, TimeUnit.SECONDS);
    context.runOnContext(ignored -> commands.accept(command));
    return this;
  }

  /** The next event, within 10 s. */
  public ClientEvent next() throws InterruptedException {
    ClientEvent event = events.poll(10, TimeUnit.SECONDS);
    assertThat(event).as("an event from the client actor").isNotNull();
    return event;
  }

  /** Sends {@code command} and expects {@code expected} as the next event. */
  public RecordingTransport call(Command command, ClientEvent expected) throws Exception {
    send(command);
    assertThat(next()).isEqualTo(expected);
    return this;
  }

  /** No event within {@code millis}. */
  public void assertQuiet(long millis) throws InterruptedException {
    assertThat(events.poll(millis, TimeUnit.MILLISECONDS)).isNull();
  }

  /** The client went away: the close handlers run on the actor's context. */
  public void hangUp() {
    context.runOnContext(ignored -> closeHandlers.forEach(Runnable::run));
  }

  public CloseReason closedWith() throws Exception {
    return closed.get(10, TimeUnit.SECONDS);
  }

  @Override
  public void deliver(ClientEvent event) {
    if (!closed.isDone()) {
      events.add(event);
    }
  }

  @Override
  public void pause() {
  }

  @Override
  public void resume() {
  }

  @Override
  public void close(CloseReason reason) {
    closed.complete(reason);
  }

  @Override
  public void onClose(Runnable handler) {
    closeHandlers.add(handler);
  }

  @Override
  public String remoteAddress() {
    return "test";
  }
}
