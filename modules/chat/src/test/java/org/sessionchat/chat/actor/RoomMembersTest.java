package org.sessionchat.chat.actor;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sessionchat.session.ActorRef;
import org.sessionchat.session.Conversation;

/** A line's audience: every active member but its writer, in joining order, as members come and go. */
class RoomMembersTest {

  private final RoomMembers members = new RoomMembers();
  private final Member ann = new Member("s-ann");
  private final Member bob = new Member("s-bob");
  private final Member eve = new Member("s-eve");

  @Test
  void aLineGoesToEveryMemberButItsWriterInJoiningOrder() {
    members.add(ann);
    members.add(bob);
    members.add(eve);

    assertThat(members.audienceOf(bob)).containsExactly(ann, eve).hasSize(2);
    assertThat(members.audienceOf(ann)).containsExactly(bob, eve);
    assertThat(members.audienceOf(eve)).containsExactly(ann, bob);
  }

  @Test
  void theWriterIsFoundByItsSessionNotByTheObject() {
    members.add(ann);
    members.add(bob);

    assertThat(members.audienceOf(new Member("s-ann"))).containsExactly(bob);
    assertThat(members.audienceOf(new Member("s-stranger"))).containsExactly(ann, bob);
  }

  @Test
  void membersWhoseSessionIsNoLongerActiveAndMembersWhoLeftGetNothing() {
    members.add(ann);
    members.add(bob);
    members.add(eve);
    bob.active = false;

    assertThat(members.audienceOf(eve)).containsExactly(ann).hasSize(1);
    assertThat(members.remove("s-ann")).isTrue();
    assertThat(members.remove("s-ann")).isFalse();
    assertThat(members.audienceOf(eve)).isEmpty();
    assertThat(members.size()).isEqualTo(2);
  }

  @Test
  void aSessionEstablishedAgainKeepsItsPlace() {
    members.add(ann);
    members.add(bob);
    members.add(eve);
    Member bobAgain = new Member("s-bob");

    members.add(bobAgain);

    assertThat(members.size()).isEqualTo(3);
    assertThat(members.audienceOf(ann)).containsExactly(bobAgain, eve);
  }

  private static final class Member implements Conversation {
    private final String sessionId;
    private boolean active = true;

    Member(String sessionId) {
      this.sessionId = sessionId;
    }

    @Override
    public String sessionId() {
      return sessionId;
    }

    @Override
    public String protocol() {
      return ChatProtocol.CHAT_SESSION;
    }

    @Override
    public String role() {
      return ChatProtocol.CHAT_ROOM;
    }

    @Override
    public ActorRef participant(String role) {
      return null;
    }

    @Override
    public boolean isActive() {
      return active;
    }

    @Override
    public Future<Void> send(String toRole, String label, Object... payload) {
      return Future.succeededFuture();
    }

    @Override
    public Future<Conversation> initiate(String protocol, Map<String, ActorRef> invitees) {
      return Future.failedFuture("not here");
    }

    @Override
    public String toString() {
      return sessionId + (active ? "" : " (ended)");
    }
  }
}
