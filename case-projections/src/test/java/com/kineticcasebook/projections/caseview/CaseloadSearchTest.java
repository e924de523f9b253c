package com.kineticcasebook.projections.caseview;

import static org.assertj.core.api.Assertions.assertThat;

import com.kineticcasebook.caseload.CaseStatus;
import com.kineticcasebook.caseload.CaseView;
import com.kineticcasebook.projections.caseview.CaseloadSearch.Term;
import com.kineticcasebook.reference.BodyRegion;
import com.kineticcasebook.reference.Side;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CaseloadSearchTest {

  @Test
  void aSideBeforeARegionNarrowsItToThatSide() {
    assertThat(CaseloadSearch.terms("left calf")).containsExactly(
        Term.codes(Set.of("region:LEFT:CALF", "condition:LEFT:CALF_STRAIN")));
    assertThat(CaseloadSearch.terms("right hip")).singleElement().satisfies(term -> assertThat(term.codes())
        .contains("region:RIGHT:HIP", "condition:RIGHT:HIP_FLEXOR_STRAIN").noneMatch(code -> code.contains("LEFT"))
        .doesNotContain("region:HIP"));
  }

  @Test
  void aRegionWordMeansTheRegionAndTheConditionsNamedByIt() {
    assertThat(CaseloadSearch.terms("knee")).containsExactly(
        Term.codes(Set.of("region:KNEE", "condition:KNEE_OSTEOARTHRITIS")));
    assertThat(CaseloadSearch.terms("Knee")).isEqualTo(CaseloadSearch.terms("knee"));
    assertThat(CaseloadSearch.terms("KNEE")).isEqualTo(CaseloadSearch.terms("knee"));
  }

  @Test
  void achillesIsTheRegionAndBothItsTendinopathies() {
    assertThat(CaseloadSearch.terms("achilles")).containsExactly(Term.codes(Set.of("region:ACHILLES",
        "condition:ACHILLES_TENDINOPATHY", "condition:INSERTIONAL_ACHILLES_TENDINOPATHY")));
  }

  @Test
  void conditionsAreFoundByTheStartOfTheirWordsAndByPhrases() {
    assertThat(CaseloadSearch.terms("plantar")).containsExactly(
        Term.codes(Set.of("region:HEEL", "condition:PLANTAR_FASCIITIS")));
    assertThat(CaseloadSearch.terms("patellofemoral pain")).containsExactly(
        Term.codes(Set.of("condition:PATELLOFEMORAL_PAIN")));
    assertThat(CaseloadSearch.terms("low back")).containsExactly(
        Term.codes(Set.of("region:LOW_BACK", "condition:LOW_BACK_PAIN")));
    assertThat(CaseloadSearch.terms("calf strain")).containsExactly(
        Term.codes(Set.of("condition:CALF_STRAIN")));
  }

  @Test
  void unknownWordsAndReferencesMatchTheStartOfThePatientReference() {
    assertThat(CaseloadSearch.terms("N-00123")).containsExactly(Term.reference("n-00123"));
    assertThat(CaseloadSearch.terms("zebra")).containsExactly(Term.reference("zebra"));
    // Two letters are too few to stand for a longer word.
    assertThat(CaseloadSearch.terms("ca")).containsExactly(Term.reference("ca"));
  }

  @Test
  void aReferenceAndWordsAreEachATermThatACaseMustMatch() {
    assertThat(CaseloadSearch.terms("N-001 left knee")).containsExactly(Term.reference("n-001"),
        Term.codes(Set.of("region:LEFT:KNEE", "condition:LEFT:KNEE_OSTEOARTHRITIS")));
    assertThat(CaseloadSearch.terms("left")).containsExactly(Term.codes(Set.of("side:LEFT")));
    assertThat(CaseloadSearch.terms("both knees")).containsExactly(
        Term.codes(Set.of("region:BILATERAL:KNEE", "condition:BILATERAL:KNEE_OSTEOARTHRITIS")));
    assertThat(CaseloadSearch.terms("right zebra")).containsExactly(Term.codes(Set.of("side:RIGHT")),
        Term.reference("zebra"));
  }

  @Test
  void theWhereClauseMatchesCodesByOverlapAndTheReferenceLiterally() {
    StringBuilder where = new StringBuilder("clinic_id = ?");
    List<Object> arguments = new ArrayList<>(List.of("clinic"));
    CaseloadSearch.where("N_1% left calf", where, arguments);
    assertThat(where.toString()).isEqualTo(
        "clinic_id = ? AND LOWER(patient_ref) LIKE ? ESCAPE '\\' AND search_codes && ?::text[]");
    assertThat(arguments.get(1)).isEqualTo("n\\_1\\%%");
    assertThat((String[]) arguments.get(2)).containsExactly("condition:LEFT:CALF_STRAIN", "region:LEFT:CALF");
  }

  @Test
  void aCaseCarriesTheCodesOfItsInjuriesWithTheirSides() {
    UUID primary = UUID.randomUUID();
    CaseView view = view(primary, List.of(injury(primary, BodyRegion.CALF, Side.LEFT, "CALF_STRAIN"),
        injury(UUID.randomUUID(), BodyRegion.KNEE, Side.BILATERAL, null),
        injury(UUID.randomUUID(), BodyRegion.LOW_BACK, Side.NOT_APPLICABLE, null)));

    assertThat(CaseloadSearch.searchCodes(view)).containsExactly("condition:CALF_STRAIN",
        "condition:LEFT:CALF_STRAIN", "region:BILATERAL:KNEE", "region:CALF", "region:KNEE", "region:LEFT:CALF",
        "region:LEFT:KNEE", "region:LOW_BACK", "region:RIGHT:KNEE", "side:BILATERAL", "side:LEFT", "side:RIGHT");
  }

  @Test
  void aLeftCalfSearchFindsTheLeftCalfAndNotTheRightOne() {
    List<String> left = CaseloadSearch.searchCodes(view(null, List.of(
        injury(UUID.randomUUID(), BodyRegion.CALF, Side.LEFT, "CALF_STRAIN"))));
    List<String> right = CaseloadSearch.searchCodes(view(null, List.of(
        injury(UUID.randomUUID(), BodyRegion.CALF, Side.RIGHT, "CALF_STRAIN"))));
    List<String> wanted = CaseloadSearch.terms("left calf").get(0).codes();

    assertThat(left).containsAnyElementsOf(wanted);
    assertThat(right).doesNotContainAnyElementsOf(wanted);
    assertThat(right).containsAnyElementsOf(CaseloadSearch.terms("calf").get(0).codes());
  }

  @Test
  void aPrimaryInjuryWithoutAConditionHasNoPrimaryCondition() {
    UUID primary = UUID.randomUUID();
    UUID secondary = UUID.randomUUID();
    CaseView view = view(primary, List.of(injury(primary, null), injury(secondary, null)));

    assertThat(CaseloadSearch.primaryCondition(view)).isNull();
    assertThat(CaseloadSearch.conditionCodes(view)).isEmpty();
  }

  @Test
  void theConditionCodesOfACaseSkipInjuriesWithoutOne() {
    UUID primary = UUID.randomUUID();
    CaseView view = view(primary, List.of(injury(primary, "CALF_STRAIN"), injury(UUID.randomUUID(), null)));

    assertThat(CaseloadSearch.primaryCondition(view)).isEqualTo("CALF_STRAIN");
    assertThat(CaseloadSearch.conditionCodes(view)).isEqualTo(" CALF_STRAIN ");
  }

  @Test
  void aCaseWithoutAHypothesisHasNoPrimaryCondition() {
    assertThat(CaseloadSearch.primaryCondition(view(null, List.of(injury(UUID.randomUUID(), "CALF_STRAIN")))))
        .isNull();
  }

  private static CaseView.Injury injury(UUID id, String conditionCode) {
    return injury(id, BodyRegion.CALF, Side.LEFT, conditionCode);
  }

  private static CaseView.Injury injury(UUID id, BodyRegion region, Side side, String conditionCode) {
    return new CaseView.Injury(id, region, side, conditionCode, "Pain when running", 4,
        CaseView.Role.UNCLASSIFIED, CaseView.InjuryStatus.OPEN, LocalDate.of(2026, 3, 1), null);
  }

  private static CaseView view(UUID primaryInjuryId, List<CaseView.Injury> injuries) {
    return new CaseView(UUID.randomUUID(), UUID.randomUUID(), "N-00123", CaseStatus.OPEN, LocalDate.of(2026, 3, 1),
        null, UUID.randomUUID(), primaryInjuryId, injuries.size(), injuries, List.of(), List.of(), List.of(), List.of(),
        3);
  }
}
