package com.kineticcasebook.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A break-glass reason is words, in any script: not padding, invisible characters or one letter repeated. */
class BreakGlassReasonTest {

  @Test
  void realReasonsInAnyScriptAreAccepted() {
    for (String reason : List.of("Complaint ticket 4711 needs the timeline", "Ticket4711", "Covering for North tonight",
        "患者からの苦情を調査しています", "Beschwerde Nr. 4711 prüfen", "ab12cd34ef")) {
      assertThat(BreakGlassController.explains(reason)).as(reason).isTrue();
    }
  }

  @Test
  void paddingInvisibleCharactersAndRepetitionAreNot() {
    for (String reason : List.of("", "why", "\u200B".repeat(10), "\u200B".repeat(20) + "abc", "aaaaaaaaaa",
        "AaAaAaAaAaAa", "a a a a a a a a a a", "ab ab ab ab ab ab", "abc abc abc abc", "..........!!!!!!!!!!",
        "\u2060\u200D\uFEFF\u00AD".repeat(5) + "abcd", "1234 " + "\u200B".repeat(30), "x".repeat(1001),
        "Complaint ticket 4711 " + "x".repeat(1000))) {
      assertThat(BreakGlassController.explains(reason)).as(reason).isFalse();
    }
  }
}
