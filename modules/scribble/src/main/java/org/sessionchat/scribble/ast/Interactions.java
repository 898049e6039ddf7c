package org.sessionchat.scribble.ast;

import java.util.ArrayList;
import java.util.List;

/** Structural questions about protocol bodies that several stages ask. */
public final class Interactions {

  private Interactions() {}

  /** The blocks directly nested in a statement (branches, loop body, success and handlers). */
  public static List<List<Interaction>> children(Interaction interaction) {
    if (interaction instanceof Choice c) {
      return c.branches();
    }
    if (interaction instanceof Par p) {
      return p.branches();
    }
    if (interaction instanceof Rec r) {
      return List.of(r.body());
    }
    if (interaction instanceof Initiates i) {
      List<List<Interaction>> blocks = new ArrayList<>();
      blocks.add(i.success());
      i.handlers().forEach(h -> blocks.add(h.body()));
      return blocks;
    }
    return List.of();
  }

  /**
   * Whether control can run off the end of a block (rather than always ending in a
   * {@code continue}). A {@code par} completes when all its branches can, a choice or an
   * {@code initiates} when one of its blocks can.
   */
  public static boolean canComplete(List<Interaction> block) {
    for (Interaction interaction : block) {
      if (!canComplete(interaction)) {
        return false;
      }
    }
    return true;
  }

  private static boolean canComplete(Interaction interaction) {
    if (interaction instanceof Continue) {
      return false;
    }
    if (interaction instanceof Par p) {
      return p.branches().stream().allMatch(Interactions::canComplete);
    }
    if (interaction instanceof Rec r) {
      return canComplete(r.body());
    }
    List<List<Interaction>> children = children(interaction);
    return children.isEmpty() || children.stream().anyMatch(Interactions::canComplete);
  }

  /**
   * True for a {@code rec} with no way out: its body never completes and continues no
   * outer loop. Such a loop (e.g. ChatSession's ServerLoop) idles at its head forever;
   * docs/protocol.md says when a session may end there.
   */
  public static boolean isExitless(Rec rec) {
    return !canComplete(rec.body()) && continuesOnly(rec.body(), List.of(rec.label().value()));
  }

  private static boolean continuesOnly(List<Interaction> block, List<String> bound) {
    for (Interaction interaction : block) {
      if (interaction instanceof Continue c && !bound.contains(c.label().value())) {
        return false;
      }
      List<String> inner = bound;
      if (interaction instanceof Rec r) {
        inner = new ArrayList<>(bound);
        inner.add(r.label().value());
      }
      for (List<Interaction> child : children(interaction)) {
        if (!continuesOnly(child, inner)) {
          return false;
        }
      }
    }
    return true;
  }
}
