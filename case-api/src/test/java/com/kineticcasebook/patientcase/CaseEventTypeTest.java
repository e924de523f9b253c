package com.kineticcasebook.patientcase;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Every case event has exactly one kind, named as the API names it. */
class CaseEventTypeTest {

  @Test
  void everyPermittedEventHasItsKind_andEveryKindIsAPermittedEvent() {
    assertThat(Arrays.stream(CaseEventType.values()).<Class<?>>map(CaseEventType::eventClass))
        .containsExactlyInAnyOrder(CaseEvent.class.getPermittedSubclasses());
  }

  @Test
  void eachKindIsNamedAfterItsEventInUpperSnakeCase() {
    for (CaseEventType type : CaseEventType.values()) {
      String expected = type.eventClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
      assertThat(type.name()).isEqualTo(expected);
    }
  }

  @Test
  void theEventsThatFrameTheCase_andCorrections_cannotBeMarkedInError() {
    assertThat(Arrays.stream(CaseEventType.values()).filter(type -> !type.canBeMarkedInError()))
        .containsExactlyInAnyOrder(CaseEventType.CASE_OPENED, CaseEventType.CASE_CLOSED, CaseEventType.CASE_REOPENED,
            CaseEventType.ENTRY_MARKED_IN_ERROR);
  }
}
