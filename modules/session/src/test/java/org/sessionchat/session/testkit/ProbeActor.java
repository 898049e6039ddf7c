package org.sessionchat.session.testkit;

import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BiConsumer;
import org.sessionchat.session.ActorContext;
import org.sessionchat.session.ActorRef;
import org.sessionchat.session.Conversation;
import org.sessionchat.session.EndReason;
import org.sessionchat.session.ProtocolViolationException;
import org.sessionchat.session.SessionActor;
import org.sessionchat.session.SessionMessage;

/**
 * A test actor that records every callback as a line of text and reacts as a test tells
 * it to: application code under test control, the runtime itself stays real.
 *
 * <p>Lines: {@code established P/R}, {@code received P/R label[payload]}, {@code ended P/R REASON},
 * {@code violation P/R label}, {@code stopped}.
 */
public class ProbeActor implements SessionActor {

  private final Queue<String> events = new ConcurrentLinkedQueue<>();
  private final Map<String, Conversation> latest = new ConcurrentHashMap<>();
  private volatile ActorContext context;
  private volatile Thread thread;
  private volatile boolean accepting = true;
  private volatile String crashOn;
  private volatile BiConsumer<Conversation, SessionMessage> onReceive = (conversation, message) -> { };

  /** Refuse (false) or accept (true) invitations from now on. */
  public ProbeActor accepting(boolean accept) {
    this.accepting = accept;
    return this;
  }

  /** Throw from {@code received} when a message with {@code label} arrives. */
  public ProbeActor crashOn(String label) {
    this.crashOn = label;
    return this;
  }

  /** Run {@code reaction} (on the actor's context) after recording each received message. */
  public ProbeActor onReceive(BiConsumer<Conversation, SessionMessage> reaction) {
    this.onReceive = reaction;
    return this;
  }

  public ActorContext context() {
    return context;
  }

  public ActorRef ref() {
    return context.self();
  }

  /** The event-loop thread the actor runs on (known once it started). */
  public Thread thread() {
    return thread;
  }

  /** The conversation of {@code protocol} this actor was last established in. */
  public Conversation conversation(String protocol) {
    Conversation conversation = latest.get(protocol);
    if (conversation == null) {
      throw new IllegalStateException("no " + protocol + " conversation established at " + ref() + ": " + events);
    }
    return conversation;
  }

  public List<String> events() {
    return List.copyOf(events);
  }

  /** How many recorded lines equal {@code line}. */
  public long count(String line) {
    return events.stream().filter(line::equals).count();
  }

  @Override
  public void started(ActorContext context) {
    this.context = context;
    this.thread = Thread.currentThread();
  }

  @Override
  public boolean acceptInvitation(String protocol, String role) {
    return accepting;
  }

  @Override
  public void conversationEstablished(Conversation conversation) {
    latest.put(conversation.protocol(), conversation);
    events.add("established " + name(conversation));
  }

  @Override
  public void received(Conversation conversation, SessionMessage message) {
    events.add("received " + name(conversation) + " " + message.label() + message.payload());
    if (message.label().equals(crashOn)) {
      throw new IllegalStateException("probe told to crash on " + message.label());
    }
    onReceive.accept(conversation, message);
  }

  @Override
  public void conversationEnded(Conversation conversation, EndReason reason) {
    events.add("ended " + name(conversation) + " " + reason);
  }

  @Override
  public void protocolViolation(Conversation conversation, ProtocolViolationException violation) {
    events.add("violation " + name(conversation) + " " + violation.label());
  }

  @Override
  public void stopped() {
    events.add("stopped");
  }

  private static String name(Conversation conversation) {
    return conversation.protocol() + "/" + conversation.role();
  }
}
