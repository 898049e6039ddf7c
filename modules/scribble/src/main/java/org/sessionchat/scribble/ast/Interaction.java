package org.sessionchat.scribble.ast;

/**
 * One statement of a protocol body. Global protocols use {@link Message}; their local
 * projections use {@link Send} and {@link Receive}; the structural statements are shared
 * so that checks, printers and the FSM builder walk both the same way.
 */
public sealed interface Interaction
    permits Message, Send, Receive, Choice, Rec, Continue, Par, Initiates, Do {

  /** Where the statement starts. */
  Position position();
}
