package com.kineticcasebook.patientcase;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * States the clinician's hypothesis: which injury is primary and which are secondaries that
 * followed from guarding it. A later hypothesis supersedes this one; both stay in the history.
 *
 * @param evidenceRecordingIds gait recordings that support the hypothesis; null means none
 * @param hypothesisedOn the clinical date the clinician stated it: the outcome figures count a
 *     secondary only when it was linked to its primary before it cleared
 */
public record HypothesisePrimary(
    @TargetAggregateIdentifier CaseId caseId, InjuryId primaryInjuryId, List<InjuryId> secondaryInjuryIds,
    String rationale, List<RecordingId> evidenceRecordingIds, LocalDate hypothesisedOn) implements CaseCommand {

  public HypothesisePrimary {
    rationale = Violations.normalise(rationale);
    // Copies that keep missing items (List.copyOf refuses them), so they are reported by their index.
    secondaryInjuryIds = secondaryInjuryIds == null ? null : secondaryInjuryIds.stream().toList();
    evidenceRecordingIds = evidenceRecordingIds == null ? List.of() : evidenceRecordingIds.stream().toList();
  }

  @Override
  public List<FieldViolation> violations() {
    Violations check = Violations.check()
        .required("caseId", caseId)
        .required("primaryInjuryId", primaryInjuryId)
        .required("secondaryInjuryIds", secondaryInjuryIds)
        .that("secondaryInjuryIds", secondaryInjuryIds, list -> !list.isEmpty(),
            "must name at least one secondary injury");
    if (secondaryInjuryIds != null) {
      Set<InjuryId> seen = new HashSet<>();
      for (int i = 0; i < secondaryInjuryIds.size(); i++) {
        InjuryId secondary = secondaryInjuryIds.get(i);
        String field = "secondaryInjuryIds[" + i + "]";
        check.required(field, secondary)
            .that(field, secondary, id -> !id.equals(primaryInjuryId), "is the primary injury")
            .that(field, secondary, seen::add, "names the same injury twice");
      }
    }
    check.text("rationale", rationale, 1, 4000);
    Set<RecordingId> seen = new HashSet<>();
    for (int i = 0; i < evidenceRecordingIds.size(); i++) {
      String field = "evidenceRecordingIds[" + i + "]";
      check.required(field, evidenceRecordingIds.get(i))
          .that(field, evidenceRecordingIds.get(i), seen::add, "names the same recording twice");
    }
    return check.required("hypothesisedOn", hypothesisedOn).found();
  }
}
