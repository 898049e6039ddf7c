package org.sessionchat.scribble.ast;

import java.util.List;
import java.util.Optional;

/**
 * A protocol: global as written ({@code global protocol P(role A, role B)}) or local, the
 * projection onto one role ({@code local protocol P at A(role A, role B)}). One type for
 * both keeps checks and printers single.
 *
 * @param self the role a local protocol is projected onto; empty for a global protocol
 */
public record Protocol(Name name, Optional<String> self, List<RoleDecl> roles,
    List<Interaction> body) {

  public Protocol {
    roles = List.copyOf(roles);
    body = List.copyOf(body);
  }

  /** The role names in declared order. */
  public List<String> roleNames() {
    return roles.stream().map(RoleDecl::value).toList();
  }

  public boolean isLocal() {
    return self.isPresent();
  }
}
