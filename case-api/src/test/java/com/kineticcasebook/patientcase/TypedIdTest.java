package com.kineticcasebook.patientcase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Typed ids keep a treatment id from being passed as an injury id, yet travel as bare UUID strings. */
class TypedIdTest {

  private static final String TEXT = "3f2b9c1e-8d4a-4e6b-9a7c-1d2e3f4a5b6c";

  private record IdType(Class<? extends Record> type, Function<String, Object> parse, Function<UUID, Object> create) {}

  private static final List<IdType> ID_TYPES = List.of(
      new IdType(CaseId.class, CaseId::of, CaseId::new),
      new IdType(InjuryId.class, InjuryId::of, InjuryId::new),
      new IdType(RecordingId.class, RecordingId::of, RecordingId::new),
      new IdType(TreatmentId.class, TreatmentId::of, TreatmentId::new),
      new IdType(ClinicId.class, ClinicId::of, ClinicId::new),
      new IdType(UserId.class, UserId::of, UserId::new));

  @Test
  void everyIdParsesItsOwnStringFormAndPrintsTheBareUuid() {
    for (IdType id : ID_TYPES) {
      Object parsed = id.parse().apply(TEXT);
      assertThat(parsed).as(id.type().getSimpleName()).isEqualTo(id.create().apply(UUID.fromString(TEXT)));
      assertThat(parsed.toString()).isEqualTo(TEXT);
    }
  }

  @Test
  void everyIdRefusesNullAndMalformedText() {
    for (IdType id : ID_TYPES) {
      assertThatThrownBy(() -> id.create().apply(null)).as(id.type().getSimpleName())
          .isInstanceOf(NullPointerException.class);
      assertThatThrownBy(() -> id.parse().apply("not-a-uuid")).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> id.parse().apply(null)).isInstanceOf(IllegalArgumentException.class);
    }
  }

  /** Short spellings that {@link UUID#fromString} would take name the same id; they are refused. */
  @Test
  void everyIdRefusesNonCanonicalSpellingsAndPrintsUpperCaseInLowerCase() {
    for (IdType id : ID_TYPES) {
      for (String spelling : List.of("1-2-3-4-5", "3f2b9c1e-8d4a-4e6b-9a7c-1d2e3f4a5b6",
          "03f2b9c1e-8d4a-4e6b-9a7c-1d2e3f4a5b6c", " " + TEXT, TEXT + "\n", "3f2b9c1e8d4a4e6b9a7c1d2e3f4a5b6c",
          "+f2b9c1e-8d4a-4e6b-9a7c-1d2e3f4a5b6c")) {
        assertThatThrownBy(() -> id.parse().apply(spelling)).as(id.type().getSimpleName() + " " + spelling)
            .isInstanceOf(IllegalArgumentException.class);
      }
      assertThat(id.parse().apply(TEXT.toUpperCase()).toString()).isEqualTo(TEXT);
    }
  }

  @Test
  void everyIdDeclaresItsJsonShapeOnItsAccessorAndFactory() throws NoSuchMethodException {
    for (IdType id : ID_TYPES) {
      assertThat(id.type().getMethod("value").isAnnotationPresent(JsonValue.class)).as(id.type().getSimpleName())
          .isTrue();
      assertThat(id.type().getMethod("of", String.class).isAnnotationPresent(JsonCreator.class)).isTrue();
    }
  }

  @Test
  void idsOfDifferentKindsWithTheSameUuidAreNotEqual() {
    UUID uuid = UUID.fromString(TEXT);
    assertThat((Object) new InjuryId(uuid)).isNotEqualTo(new TreatmentId(uuid));
  }
}
