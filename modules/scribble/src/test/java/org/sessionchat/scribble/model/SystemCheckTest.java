package org.sessionchat.scribble.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sessionchat.scribble.ast.Interaction;
import org.sessionchat.scribble.ast.Name;
import org.sessionchat.scribble.ast.Position;
import org.sessionchat.scribble.ast.Protocol;
import org.sessionchat.scribble.ast.Receive;
import org.sessionchat.scribble.ast.RoleDecl;
import org.sessionchat.scribble.ast.Send;
import org.sessionchat.scribble.fsm.FsmBuilder;
import org.sessionchat.scribble.fsm.LocalFsm;

/**
 * The composed-system errors that projection of a well-formed global protocol rarely lets
 * through, shown on hand-written local protocols: each kind is found and placed at the
 * message it concerns.
 */
class SystemCheckTest {

  @Test
  void rolesWaitingForEachOtherAreADeadlock() throws Exception {
    List<String> found = check(
        local("A", receive(3, "x", "B"), send(4, "y", "B")),
        local("B", receive(5, "y", "A"), send(6, "x", "A")));

    assertThat(found).containsExactly(
        "3:1 deadlock: A waits for [B], B waits for [A] (wait-for cycle)");
  }

  @Test
  void aMessageTheReceiverDoesNotExpectIsStuck() throws Exception {
    List<String> found = check(local("A", send(3, "x", "B")), local("B", receive(4, "y", "A")));

    assertThat(found).contains("3:1 message x() from A to B can arrive when B expects only"
        + " [y()] from A; B would be stuck (stuck message)");
  }

  @Test
  void aMessageToARoleThatHasFinishedIsAnOrphan() throws Exception {
    List<String> found = check(local("A", send(3, "x", "B")), local("B"));

    assertThat(found).containsExactly("3:1 message x() from A to B may never be received: B"
        + " can finish before it arrives (orphan message)");
  }

  @Test
  void matchingRolesHaveNothingToReport() throws Exception {
    assertThat(check(local("A", send(3, "x", "B")), local("B", receive(4, "x", "A"))))
        .isEmpty();
  }

  private static List<String> check(LocalFsm... fsms) {
    List<String> found = new ArrayList<>();
    SystemCheck.check("P", new Position(1, 1), List.of("A", "B"), List.of(fsms),
        (at, message) -> found.add(at + " " + message));
    return found;
  }

  private static LocalFsm local(String self, Interaction... body) throws Exception {
    Position at = new Position(1, 1);
    return FsmBuilder.build(new Protocol(new Name("P", at), Optional.of(self),
        List.of(new RoleDecl(new Name("A", at)), new RoleDecl(new Name("B", at))),
        List.of(body)), p -> List.of());
  }

  private static Send send(int line, String label, String to) {
    return new Send(new Name(label, new Position(line, 1)), List.of(),
        new Name(to, new Position(line, 1)));
  }

  private static Receive receive(int line, String label, String from) {
    return new Receive(new Name(label, new Position(line, 1)), List.of(),
        new Name(from, new Position(line, 1)));
  }
}
