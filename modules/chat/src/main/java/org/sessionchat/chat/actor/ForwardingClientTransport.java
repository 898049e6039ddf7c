package org.sessionchat.chat.actor;

import java.util.function.Consumer;
import org.sessionchat.chat.wire.Command;

/**
 * A {@link ClientTransport} that passes every call on to another one.
 *
 * <p>Why: the layers between a client actor and its socket (IRC formatting on the actor's
 * context, the node's nickname directory) each change one call and pass the rest through;
 * overriding that call here keeps the pass-through in one place.
 */
public abstract class ForwardingClientTransport implements ClientTransport {

  private final ClientTransport delegate;

  protected ForwardingClientTransport(ClientTransport delegate) {
    this.delegate = delegate;
  }

  /** The transport every call goes on to. */
  protected final ClientTransport delegate() {
    return delegate;
  }

  @Override
  public void start(Consumer<Command> commands) {
    delegate.start(commands);
  }

  @Override
  public void deliver(ClientEvent event) {
    delegate.deliver(event);
  }

  @Override
  public void pause() {
    delegate.pause();
  }

  @Override
  public void resume() {
    delegate.resume();
  }

  @Override
  public void close(CloseReason reason) {
    delegate.close(reason);
  }

  @Override
  public void onClose(Runnable handler) {
    delegate.onClose(handler);
  }

  @Override
  public String remoteAddress() {
    return delegate.remoteAddress();
  }
}
