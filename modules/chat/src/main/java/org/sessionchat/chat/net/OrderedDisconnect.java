package org.sessionchat.chat.net;

import java.util.function.Consumer;

/**
 * A transport that may cut its client for a limit (a flood, a line that never ends,
 * idleness) and must write its last line only after the replies to the lines it already
 * handed on.
 *
 * <p>Why: the client actor answers on its own context; a cut made at once on the socket's
 * context would lose the answers still on their way — lines the server had accepted.
 */
public interface OrderedDisconnect {

  /**
   * From now on, a cut runs its last line through {@code barrier}, which runs it (on the
   * socket's context) once every reply to an earlier line has been written.
   */
  void disconnectAfter(Consumer<Runnable> barrier);
}
