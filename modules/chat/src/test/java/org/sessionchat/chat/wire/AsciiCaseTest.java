package org.sessionchat.chat.wire;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AsciiCaseTest {

  @Test
  void foldsTheAsciiCapitalsToLowerCase() {
    assertThat(AsciiCase.fold("Deck")).isEqualTo("deck");
    assertThat(AsciiCase.fold("ABCDEFGHIJKLMNOPQRSTUVWXYZ")).isEqualTo("abcdefghijklmnopqrstuvwxyz");
    assertThat(AsciiCase.fold("My_Room-2.0")).isEqualTo("my_room-2.0");
  }

  @Test
  void leavesEverythingElseAsItIs() {
    // not RFC 1459's mapping: []\~ are not the upper case of {}|^
    assertThat(AsciiCase.fold("[]\\~")).isEqualTo("[]\\~");
    assertThat(AsciiCase.same("ann[1]", "ann{1}")).isFalse();
    assertThat(AsciiCase.same("a\\b", "a|b")).isFalse();
    assertThat(AsciiCase.same("x~", "x^")).isFalse();
    // nor Unicode's: letters beyond ASCII keep their case, and nothing folds into ASCII
    assertThat(AsciiCase.fold("ÄÖÜ")).isEqualTo("ÄÖÜ");
    assertThat(AsciiCase.same("\u212A", "k")).isFalse(); // KELVIN SIGN, which equalsIgnoreCase takes for k
    assertThat(AsciiCase.fold("I")).isEqualTo("i"); // whatever the default locale
    assertThat(AsciiCase.fold("@Z[")).isEqualTo("@z[");
  }

  @Test
  void aNameWithoutCapitalsIsReturnedAsItIs() {
    String name = "deck-1";
    assertThat(AsciiCase.fold(name)).isSameAs(name);
    assertThat(AsciiCase.fold("")).isEmpty();
  }

  @Test
  void namesAreTheSameWhenTheyDifferOnlyInAsciiCase() {
    assertThat(AsciiCase.same("#Deck", "#dECK")).isTrue();
    assertThat(AsciiCase.same("deck", "deck")).isTrue();
    assertThat(AsciiCase.same("deck", "decks")).isFalse();
    assertThat(AsciiCase.same("deck", "desk")).isFalse();
  }
}
