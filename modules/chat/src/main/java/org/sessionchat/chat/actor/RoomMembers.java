package org.sessionchat.chat.actor;

import java.util.AbstractCollection;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.sessionchat.session.Conversation;

/**
 * A room's members, one {@code ChatSession} each, in the order they joined, and for each
 * line the audience it goes to: every active member but the one who wrote it.
 *
 * <p>Why kept like this: a room sends every line to all its members but one, so the audience
 * is a view of the member list that skips the writer — found once per line by session id,
 * then skipped by identity — rather than a list rebuilt per line (a store, and in a room that
 * lived long a write barrier, per member per line, and a session-id comparison per member).
 * Confined to the room's context.
 */
final class RoomMembers {

  private final Map<String, Conversation> bySession = new HashMap<>();
  private final List<Conversation> inOrder = new ArrayList<>();

  /** Adds {@code member}, in the place of the one of the same session if there is one. */
  void add(Conversation member) {
    Conversation before = bySession.put(member.sessionId(), member);
    if (before == null) {
      inOrder.add(member);
    } else {
      inOrder.set(inOrder.indexOf(before), member);
    }
  }

  /** Removes the member of session {@code sessionId}; false if there was none. */
  boolean remove(String sessionId) {
    Conversation member = bySession.remove(sessionId);
    if (member == null) {
      return false;
    }
    inOrder.remove(member);
    return true;
  }

  int size() {
    return bySession.size();
  }

  /**
   * The active members but the one of {@code writer}'s session, in joining order; a view,
   * valid until the members change (for one {@code sendEach}).
   */
  Collection<Conversation> audienceOf(Conversation writer) {
    Conversation except = bySession.get(writer.sessionId());
    return new AbstractCollection<>() {
      @Override
      public Iterator<Conversation> iterator() {
        return new Audience(inOrder, except);
      }

      @Override
      public int size() {
        int count = 0;
        for (Conversation member : inOrder) {
          if (hears(member, except)) {
            count++;
          }
        }
        return count;
      }
    };
  }

  /** True if {@code member} is in the audience of a line {@code writer} wrote: another, still active. */
  private static boolean hears(Conversation member, Conversation writer) {
    return member != writer && member.isActive();
  }

  /** Walks the members, skipping {@code except} and members whose session is no longer active. */
  private static final class Audience implements Iterator<Conversation> {
    private final List<Conversation> members;
    private final Conversation except;
    private int next;

    Audience(List<Conversation> members, Conversation except) {
      this.members = members;
      this.except = except;
      skip();
    }

    private void skip() {
      while (next < members.size() && !hears(members.get(next), except)) {
        next++;
      }
    }

    @Override
    public boolean hasNext() {
      return next < members.size();
    }

    @Override
    public Conversation next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      Conversation member = members.get(next++);
      skip();
      return member;
    }
  }
}
