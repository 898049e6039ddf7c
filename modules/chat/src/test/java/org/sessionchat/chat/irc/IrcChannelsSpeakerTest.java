package org.sessionchat.chat.irc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.sessionchat.chat.actor.ClientEvent;
import org.junit.jupiter.api.Test;

/**
 * A chat line's speaker as the client was shown them, answered from {@link SpeakerMasks} after
 * the first line: every answer must be what a full look-up gives, also after the client's view
 * changed.
 */
class IrcChannelsSpeakerTest {

  private final IrcChannels channels = new IrcChannels();

  private String speaker(String room, String nickAndText) {
    return channels.speakerOf(new ClientEvent.Message(room, nickAndText));
  }

  @Test
  void aShownSpeakerIsNamedByTheMaskTheClientWasShownWhateverTheCaseOfTheLine() {
    channels.add(channels.open("deck"), IrcChannels.Member.of("Ann!~ann@127.0.0.1 node1"));

    assertThat(speaker("deck", "Ann:hi")).isEqualTo("Ann!~ann@127.0.0.1");
    assertThat(speaker("deck", "Ann:again")).isEqualTo("Ann!~ann@127.0.0.1");
    assertThat(speaker("DECK", "ann:hi")).isEqualTo("Ann!~ann@127.0.0.1");
  }

  @Test
  void aSpeakerNotShownIsALineProtocolMemberAndAColonInTheTextIsNotPartOfTheNick() {
    channels.open("deck");

    assertThat(speaker("deck", "bob:see: this")).isEqualTo("bob!~bob@line");
    assertThat(speaker("deck", "bob:")).isEqualTo("bob!~bob@line");
  }

  @Test
  void aNickThatIsAPrefixOfAnotherIsNotTakenForIt() {
    IrcChannels.Channel deck = channels.open("deck");
    channels.add(deck, IrcChannels.Member.of("an!~an@h1 node1"));
    channels.add(deck, IrcChannels.Member.of("ann!~ann@h2 node1"));

    assertThat(speaker("deck", "an:x")).isEqualTo("an!~an@h1");
    assertThat(speaker("deck", "ann:x")).isEqualTo("ann!~ann@h2");
    assertThat(speaker("deck", "an:y")).isEqualTo("an!~an@h1");
  }

  @Test
  void theSameNickInTwoChannelsIsShownAsEachChannelShowedIt() {
    channels.add(channels.open("a"), IrcChannels.Member.of("ann!~ann@old node1"));
    channels.add(channels.open("b"), IrcChannels.Member.of("ann!~ann@new node2"));

    assertThat(speaker("a", "ann:1")).isEqualTo("ann!~ann@old");
    assertThat(speaker("b", "ann:2")).isEqualTo("ann!~ann@new");
    assertThat(speaker("a", "ann:3")).isEqualTo("ann!~ann@old");
  }

  @Test
  void aRenameQuitOrNewMemberListIsSeenByTheNextLine() {
    IrcChannels.Channel deck = channels.open("deck");
    channels.add(deck, IrcChannels.Member.of("ann!~ann@h node1"));
    assertThat(speaker("deck", "ann:1")).isEqualTo("ann!~ann@h");

    channels.renameEverywhere("ann", "anna", "anna!~ann@h");
    assertThat(speaker("deck", "ann:2")).isEqualTo("ann!~ann@line");
    assertThat(speaker("deck", "anna:3")).isEqualTo("anna!~ann@h");

    channels.removeEverywhere("anna");
    assertThat(speaker("deck", "anna:4")).isEqualTo("anna!~anna@line");

    channels.replaceMembers(deck, List.of("anna!~x@elsewhere node2"));
    assertThat(speaker("deck", "anna:5")).isEqualTo("anna!~x@elsewhere");

    channels.close("deck");
    assertThat(speaker("deck", "anna:6")).isEqualTo("anna!~anna@line");
  }

  @Test
  void manySpeakersSharingSetsAreEachAnsweredWithTheirOwnMask() {
    IrcChannels.Channel deck = channels.open("deck");
    int speakers = SpeakerMasks.SETS * SpeakerMasks.WAYS * 3; // more than the memo holds: sets overflow
    for (int i = 0; i < speakers; i++) {
      channels.add(deck, IrcChannels.Member.of("n" + i + "!~u" + i + "@h" + i + " node1"));
    }
    for (int round = 0; round < 3; round++) {
      for (int i = 0; i < speakers; i++) {
        assertThat(speaker("deck", "n" + i + ":line " + round)).isEqualTo("n" + i + "!~u" + i + "@h" + i);
      }
    }
  }
}
