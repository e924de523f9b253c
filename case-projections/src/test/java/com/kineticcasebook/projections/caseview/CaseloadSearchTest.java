package com.kineticcasebook.projections.caseview;

import static org.assertj.core.api.Assertions.assertThat;

import com.kineticcasebook.caseload.CaseStatus;
import com.kineticcasebook.caseload.CaseView;
import com.kineticcasebook.reference.BodyRegion;
import com.kineticcasebook.reference.Side;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CaseloadSearchTest {

  @Test
  void conditionsMatchByAnyPartOfTheirNameOrCode() {
    assertThat(CaseloadSearch.matchingConditions("calf")).containsExactly("CALF_STRAIN");
    assertThat(CaseloadSearch.matchingConditions("Plantar")).containsExactly("PLANTAR_FASCIITIS");
    assertThat(CaseloadSearch.matchingConditions("patellofemoral pain")).containsExactly("PATELLOFEMORAL_PAIN");
    assertThat(CaseloadSearch.matchingConditions("N-00123")).isEmpty();
  }

  @Test
  void thePatientReferenceIsMatchedLiterally() {
    StringBuilder where = new StringBuilder("clinic_id = ?");
    List<Object> arguments = new ArrayList<>(List.of("clinic"));
    CaseloadSearch.where("N_1%", where, arguments);
    assertThat(where.toString()).isEqualTo("clinic_id = ? AND (LOWER(patient_ref) LIKE ? ESCAPE '\\')");
    assertThat(arguments).containsExactly("clinic", "%n\\_1\\%%");
  }

  @Test
  void aCaseMatchesAConditionOnlyByItsWholeCode() {
    StringBuilder where = new StringBuilder("TRUE");
    List<Object> arguments = new ArrayList<>();
    CaseloadSearch.where("achilles", where, arguments);
    assertThat(arguments).containsExactly("%achilles%", "% ACHILLES_TENDINOPATHY %",
        "% INSERTIONAL_ACHILLES_TENDINOPATHY %");
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
    return new CaseView.Injury(id, BodyRegion.CALF, Side.LEFT, conditionCode, "Pain when running", 4,
        CaseView.Role.UNCLASSIFIED, CaseView.InjuryStatus.OPEN, LocalDate.of(2026, 3, 1), null);
  }

  private static CaseView view(UUID primaryInjuryId, List<CaseView.Injury> injuries) {
    return new CaseView(UUID.randomUUID(), UUID.randomUUID(), "N-00123", CaseStatus.OPEN, LocalDate.of(2026, 3, 1),
        null, UUID.randomUUID(), primaryInjuryId, injuries.size(), injuries, List.of(), List.of(), List.of(), List.of(),
        3);
  }
}
