package org.sessionchat.scribble.ast;

import java.util.List;
import java.util.Optional;

/**
 * A protocol: global as written ({@code global protocol P(role A, role B)}) or local, the
 * projection onto one role ({@code local protocol P at A(role A, role B)}). One type for
 * both keeps checks and printers single.
 *
 * @param self the role a local protocol is projected onto; empty for a global protocol
 * @param aux  declared {@code aux global protocol}: a helper run only through {@code do},
 *             so (as in scribble-java) not checked, projected or monitored on its own
 */
public record Protocol(Name name, Optional<String> self, List<RoleDecl> roles,
    List<Interaction> body, boolean aux) {

  public Protocol {
    roles = List.copyOf(roles);
    body = List.copyOf(body);
  }

  /** A protocol that is not {@code aux}. */
  public Protocol(Name name, Optional<String> self, List<RoleDecl> roles,
      List<Interaction> body) {
    this(name, self, roles, body, false);
  }

  /** The role names in declared order. */
  public List<String> roleNames() {
    return roles.stream().map(RoleDecl::value).toList();
  }

  public boolean isLocal() {
    return self.isPresent();
  }
}
