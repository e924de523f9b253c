package com.kineticcasebook.projections.caseview;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
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
}
